package io.cinegraph.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A study's journal on disk, one JSON document per line: the study's identity first, then each trial as it
 * finishes (written and forced to disk before the next starts). A {@code tune} that is killed resumes from it; a
 * last line cut short by the kill is dropped (that trial runs again).
 */
public final class Journal {

    /** What must match for a journal to be resumed: the data, the sampler, the seed and the space searched. */
    public record Study(String dataset, String sampler, long seed, List<String> space) {
    }

    /** One line: either the study or a trial. */
    record Line(Study study, TrialRecord trial) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final List<TrialRecord> trials;

    private Journal(Path file, List<TrialRecord> trials) {
        this.file = file;
        this.trials = trials;
    }

    /**
     * Opens {@code file} for {@code study}: a new journal when absent, else its trials, after checking that it was
     * written for the same study.
     */
    public static Journal open(Path file, Study study) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, JSON.writeValueAsString(new Line(study, null)) + "\n", StandardCharsets.UTF_8);
            return new Journal(file, new ArrayList<>());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Study written = parse(lines.get(0), file, 1).study();
        if (!Objects.equals(written, study)) {
            throw new IllegalArgumentException(file + " is the journal of another study (" + written + "; this one is "
                    + study + "): choose another --journal, or delete it to start afresh");
        }
        List<TrialRecord> trials = new ArrayList<>();
        StringBuilder kept = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Line line;
            try {
                line = JSON.readValue(lines.get(i), Line.class);
            } catch (JsonProcessingException e) {
                if (i == lines.size() - 1) {
                    break; // the last trial was being written when the run was killed: it runs again
                }
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a trial (" + e.getOriginalMessage() + ")");
            }
            if (line.trial() == null || line.trial().number() != trials.size()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected trial " + trials.size());
            }
            trials.add(line.trial());
            kept.append(lines.get(i)).append('\n');
        }
        Files.writeString(file, kept, StandardCharsets.UTF_8); // without a cut last line
        return new Journal(file, trials);
    }

    private static Line parse(String text, Path file, int line) {
        try {
            Line parsed = JSON.readValue(text, Line.class);
            if (parsed.study() == null) {
                throw new IllegalArgumentException(file + ":" + line + ": the first line must name the study");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + line + ": not a tuning journal (" + e.getOriginalMessage() + ")");
        }
    }

    public List<TrialRecord> trials() {
        return List.copyOf(trials);
    }

    public Path file() {
        return file;
    }

    /** Appends a finished trial and forces it to disk. */
    public void append(TrialRecord trial) {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap((JSON.writeValueAsString(new Line(null, trial)) + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the tuning journal " + file, e);
        }
        trials.add(trial);
    }
}
