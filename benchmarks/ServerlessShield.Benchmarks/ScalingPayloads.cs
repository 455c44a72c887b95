using System.Globalization;
using System.Text;

namespace ServerlessShield.Benchmarks;

// The payloads of PayloadScalingBenchmarks, built in memory to an exact size in bytes, the same on every run (fixed
// seeds). Clean: what an API or a queue carries, records of ids, numbers, dates and sentences of natural text, grouped
// in pages of 100 so no array passes the Standard limit of 10,000 items. Adversarial: the same size spent on what
// makes the engine work hardest without being an attack it can stop early on: one huge string of repeated detector
// trigger characters, nesting just under the depth limit and objects with hundreds of keys whose values hold triggers.
internal static class ScalingPayloads
{
    private static readonly string[] FirstNames = ["Ada", "Grace", "Linus", "Margaret", "Alan", "Barbara", "Dennis", "Frances", "Ken", "Radia", "Tim", "Katherine"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Torvalds", "Hamilton", "Turing", "Liskov", "Ritchie", "Allen", "Thompson", "Perlman", "Berners-Lee", "Johnson"];
    private static readonly string[] Cities = ["Lisbon", "Oslo", "Toronto", "Osaka", "Nairobi", "Lyon", "Porto", "Seattle", "Dublin", "Kraków", "Zürich", "São Paulo"];
    private static readonly string[] Statuses = ["pending", "paid", "packed", "shipped", "delivered"];

    private static readonly string[] Words =
    [
        "the", "parcel", "arrived", "on", "time", "and", "the", "box", "was", "in", "good", "shape", "thank", "you", "for",
        "quick", "delivery", "colour", "is", "a", "little", "darker", "than", "pictured", "but", "still", "lovely",
        "please", "leave", "it", "at", "back", "door", "next", "week", "we", "would", "like", "two", "more", "of", "these",
        "my", "daughter", "uses", "every", "day", "after", "school", "size", "runs", "small", "so", "order", "one", "up",
        "customer", "service", "answered", "within", "an", "hour", "very", "helpful", "will", "buy", "again", "soon",
        "fabric", "feels", "soft", "warm", "stitching", "neat", "instructions", "were", "clear", "easy", "to", "assemble",
    ];

    public static byte[] Clean(int size)
    {
        var random = new Random(1729);
        var json = new StringBuilder(size + 1024);
        json.Append("{\"batchId\":\"b-").Append(random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture))
            .Append("\",\"generatedAt\":\"2026-03-12T09:15:02Z\",\"source\":\"orders-export\",\"pages\":[");
        const string Tail = "]}]}";
        var page = 0;
        var inPage = 0;
        var lastRecordEnd = -1;
        var bytes = json.Length;
        while (true)
        {
            var start = json.Length;
            if (inPage == 0)
            {
                json.Append(page == 0 ? string.Empty : "]},").Append("{\"page\":").Append(page + 1).Append(",\"records\":[");
            }
            else
            {
                json.Append(',');
            }

            AppendRecord(json, random, page * 100 + inPage);
            var added = Encoding.UTF8.GetByteCount(json.ToString(start, json.Length - start));
            if (bytes + added + Tail.Length > size)
            {
                json.Length = start;
                break;
            }

            bytes += added;

            lastRecordEnd = json.Length;
            if (++inPage == 100)
            {
                inPage = 0;
                page++;
            }
        }

        if (lastRecordEnd < 0)
        {
            throw new InvalidOperationException($"{size} bytes cannot hold one record.");
        }

        // Close the last page and pad the last record's comment to the exact size.
        return Pad(json, Tail, size, random);
    }

    public static byte[] Adversarial(int size)
    {
        var random = new Random(4242);
        var json = new StringBuilder(size + 1024);

        // Nesting just under the Standard depth limit (64 levels, the root object included).
        json.Append("{\"deep\":");
        for (var i = 0; i < 60; i++)
        {
            json.Append("{\"d\":");
        }

        json.Append("\"x' < .. ${HOME} {{ name }} ;\"").Append('}', 60).Append(",\"wide\":[");

        // A quarter of the bytes in objects of up to 900 keys (the Standard limit is 1,000), each value a few triggers.
        var wideBudget = size / 4;
        var wideStart = json.Length;
        var keys = 0;
        json.Append('{');
        while (json.Length - wideStart < wideBudget)
        {
            if (keys == 900)
            {
                json.Append("},{");
                keys = 0;
            }
            else if (keys > 0)
            {
                json.Append(',');
            }

            json.Append("\"k").Append(keys.ToString("D3", CultureInfo.InvariantCulture)).Append("\":\"").Append(Triggers[random.Next(Triggers.Length)]).Append('"');
            keys++;
        }

        json.Append("}],\"blob\":\"");
        return Pad(json, "\"}", size, random, adversarial: true);
    }

    // Short runs of the characters the detectors key on, none of them an attack on its own or next to another.
    // "../" itself is reported as path traversal, and an unclosed "${" or "{{" followed by any "(" as template
    // injection, so they appear here as "..", "./", "${HOME}" and "{{ name }}".
    private static readonly string[] Triggers =
    [
        "it's < 5", "x' y", "< b", "a; b", "x;y", "${HOME}", "{{ name }}", "1 -- 2", "a | b", "$(", "a & b", "%2e", "a\\\\b", "..", "./", "(a)", "[b]",
    ];

    private static void AppendRecord(StringBuilder json, Random random, int index)
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        json.Append("{\"id\":\"o-").Append((100_000 + index).ToString(CultureInfo.InvariantCulture))
            .Append("\",\"customer\":{\"name\":\"").Append(first).Append(' ').Append(last)
            .Append("\",\"email\":\"").Append(first.ToLowerInvariant()).Append('.').Append(last.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal)).Append("@example.com")
            .Append("\",\"city\":\"").Append(Cities[random.Next(Cities.Length)])
            .Append("\"},\"status\":\"").Append(Statuses[random.Next(Statuses.Length)])
            .Append("\",\"total\":").Append((random.Next(100, 99_999) / 100.0).ToString("0.00", CultureInfo.InvariantCulture))
            .Append(",\"items\":").Append(random.Next(1, 9).ToString(CultureInfo.InvariantCulture))
            .Append(",\"createdAt\":\"2026-03-").Append(random.Next(10, 29).ToString(CultureInfo.InvariantCulture)).Append("T1").Append(random.Next(0, 9).ToString(CultureInfo.InvariantCulture)).Append(":2").Append(random.Next(0, 9).ToString(CultureInfo.InvariantCulture)).Append(":05Z")
            .Append("\",\"comment\":\"");
        AppendSentences(json, random, random.Next(1, 4));
        json.Append("\"}");
    }

    private static void AppendSentences(StringBuilder json, Random random, int count)
    {
        for (var s = 0; s < count; s++)
        {
            var words = random.Next(6, 16);
            for (var w = 0; w < words; w++)
            {
                var word = Words[random.Next(Words.Length)];
                json.Append(w == 0 && s > 0 ? " " : w == 0 ? string.Empty : w == words / 2 && words > 10 ? ", " : " ");
                json.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            }

            json.Append('.');
        }
    }

    // Fills the last open string up to exactly `size` bytes (natural text for the clean payload, triggers for the
    // adversarial one), then appends the closing characters.
    private static byte[] Pad(StringBuilder json, string closing, int size, Random random, bool adversarial = false)
    {
        if (!adversarial)
        {
            // Reopen the last record's comment: drop its closing quote and brace, pad, close again.
            json.Length -= 2;
            closing = "\"}" + closing;
        }

        var length = Utf8Length(json);
        var filler = new StringBuilder();
        while (length + filler.Length + closing.Length < size)
        {
            if (adversarial)
            {
                filler.Append(Triggers[random.Next(Triggers.Length)]).Append(' ');
            }
            else
            {
                filler.Append(' ').Append(Words[random.Next(Words.Length)]);
            }
        }

        json.Append(filler.ToString(0, Math.Max(0, size - length - closing.Length)));

        // A cut filler can end in half an escape (an odd run of backslashes), which would escape the closing quote.
        var backslashes = 0;
        while (backslashes < json.Length && json[json.Length - 1 - backslashes] == '\\')
        {
            backslashes++;
        }

        if (backslashes % 2 == 1)
        {
            json[^1] = ' ';
        }

        json.Append(closing);
        var bytes = Encoding.UTF8.GetBytes(json.ToString());
        if (bytes.Length != size)
        {
            throw new InvalidOperationException($"Built {bytes.Length} bytes instead of {size}.");
        }

        return bytes;
    }

    private static int Utf8Length(StringBuilder text)
    {
        var length = 0;
        foreach (var chunk in text.GetChunks())
        {
            length += Encoding.UTF8.GetByteCount(chunk.Span);
        }

        return length;
    }
}
