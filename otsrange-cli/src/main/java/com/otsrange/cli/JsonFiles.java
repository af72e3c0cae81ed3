package com.otsrange.cli;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONException;
import com.alibaba.fastjson.JSONObject;
import com.alibaba.fastjson.parser.Feature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON object from a file, keeping key order, with messages that name the file. */
final class JsonFiles {

    private JsonFiles() {
    }

    static JSONObject readObject(Path file, String what) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Object parsed;
        try {
            parsed = JSON.parse(text, Feature.OrderedField);
        } catch (JSONException e) {
            throw new IllegalArgumentException(what + " " + file + " is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof JSONObject)) {
            throw new IllegalArgumentException(what + " " + file + " must hold a JSON object");
        }
        return (JSONObject) parsed;
    }
}
