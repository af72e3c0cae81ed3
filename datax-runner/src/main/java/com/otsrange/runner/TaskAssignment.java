package com.otsrange.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * DataX's task-group layout: ceil(channels / channelsPerTaskGroup) groups; task ids shuffled then
 * dealt round-robin to the groups; the channels split evenly (the first groups get one more).
 * A group runs at most its channel count of tasks at once, so the job runs at most {@code channels}.
 */
record TaskAssignment(List<List<Integer>> groups, int[] groupChannels) {

    static TaskAssignment of(int taskCount, int channels, int channelsPerTaskGroup, Random random) {
        int groupCount = (int) Math.ceil(1.0 * channels / channelsPerTaskGroup);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < taskCount; i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, random);
        List<List<Integer>> groups = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < ids.size(); i++) {
            groups.get(i % groupCount).add(ids.get(i));
        }
        int[] groupChannels = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            groupChannels[g] = channels / groupCount + (g < channels % groupCount ? 1 : 0);
        }
        return new TaskAssignment(groups, groupChannels);
    }
}
