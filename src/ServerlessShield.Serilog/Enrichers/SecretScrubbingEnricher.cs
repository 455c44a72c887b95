using Serilog.Core;
using Serilog.Events;

namespace ServerlessShield.Serilog.Enrichers;

// Rewrites string values that carry secrets, wherever they sit in a property (scalars, sequences, structures,
// dictionaries). Serilog hands strings straight to the event as scalars, past any destructuring policy, so this
// is the step that sees them.
internal sealed class SecretScrubbingEnricher(SecretScrubber scrubber) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var scrubbed = Scrub(value);
            if (!ReferenceEquals(scrubbed, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, scrubbed));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    private LogEventPropertyValue Scrub(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when scrubber.Scrub(text) is var clean && !string.Equals(clean, text, StringComparison.Ordinal) => new ScalarValue(clean),
        // Serilog keeps URIs as scalars; a SAS signature or a key in a query string must not survive that.
        ScalarValue { Value: Uri uri } when scrubber.Scrub(uri.OriginalString) is var clean && !string.Equals(clean, uri.OriginalString, StringComparison.Ordinal) => new ScalarValue(clean),
        SequenceValue sequence => ScrubAll(sequence.Elements, elements => new SequenceValue(elements), value),
        StructureValue structure => ScrubAll(structure.Properties.Select(p => p.Value).ToList(),
            values => new StructureValue(structure.Properties.Zip(values, (p, v) => new LogEventProperty(p.Name, v)), structure.TypeTag), value),
        DictionaryValue dictionary => ScrubAll(dictionary.Elements.Select(e => e.Value).ToList(),
            values => new DictionaryValue(dictionary.Elements.Zip(values, (e, v) => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, v))), value),
        _ => value,
    };

    private LogEventPropertyValue ScrubAll(IReadOnlyList<LogEventPropertyValue> items, Func<List<LogEventPropertyValue>, LogEventPropertyValue> rebuild, LogEventPropertyValue original)
    {
        var scrubbed = items.Select(Scrub).ToList();
        return scrubbed.Where((item, i) => !ReferenceEquals(item, items[i])).Any() ? rebuild(scrubbed) : original;
    }
}
