package com.alibaba.datax.common.base;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Root of DataX's plugin classes: equality, hash and text built by reflection over the
 * non-static, non-transient fields of the whole class hierarchy (as DataX does with commons-lang).
 */
public class BaseObject {

    @Override
    public int hashCode() {
        int hash = 17;
        for (Field field : fieldsOf(getClass())) {
            hash = hash * 37 + deepHash(read(field, this));
        }
        return hash;
    }

    @Override
    public boolean equals(Object object) {
        if (object == this) {
            return true;
        }
        if (object == null) {
            return false;
        }
        Class<?> left = getClass();
        Class<?> right = object.getClass();
        if (!left.isInstance(object) && !right.isInstance(this)) {
            return false;
        }
        Class<?> common = left.isInstance(object) ? left : right;
        for (Field field : fieldsOf(common)) {
            if (!Arrays.deepEquals(new Object[] {read(field, this)}, new Object[] {read(field, object)})) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(getClass().getName()).append('@').append(Integer.toHexString(System.identityHashCode(this)))
                .append("[");
        for (Field field : fieldsOf(getClass())) {
            Object value = read(field, this);
            text.append(System.lineSeparator()).append("  ").append(field.getName()).append('=')
                    .append(value instanceof Object[] ? Arrays.deepToString((Object[]) value) : String.valueOf(value));
        }
        return text.append(System.lineSeparator()).append("]").toString();
    }

    private static int deepHash(Object value) {
        return Arrays.deepHashCode(new Object[] {value});
    }

    private static List<Field> fieldsOf(Class<?> type) {
        List<Field> fields = new ArrayList<Field>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                fields.add(field);
            }
        }
        return fields;
    }

    private static Object read(Field field, Object owner) {
        try {
            makeAccessible(field);
            return field.get(owner);
        } catch (Exception e) {
            // inaccessible fields (module boundaries) simply take no part
            return null;
        }
    }

    private static void makeAccessible(AccessibleObject object) {
        if (!object.isAccessible()) {
            object.setAccessible(true);
        }
    }
}
