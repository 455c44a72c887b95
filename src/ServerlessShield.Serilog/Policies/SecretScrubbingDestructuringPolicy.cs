using System.Data.Common;
using Serilog.Core;
using Serilog.Events;

namespace ServerlessShield.Serilog.Policies;

// Destructures the objects most likely to carry secrets into scrubbed text: exceptions (messages and stacks often
// quote connection strings), URIs (SAS signatures, keys in query strings) and connection-string builders.
internal sealed class SecretScrubbingDestructuringPolicy(SecretScrubber scrubber) : IDestructuringPolicy
{
    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, out LogEventPropertyValue result)
    {
        switch (value)
        {
            case Exception exception:
                var scrubbed = new ScrubbedException(exception, scrubber);
                result = new StructureValue(
                [
                    new LogEventProperty("Type", new ScalarValue(scrubbed.OriginalType)),
                    new LogEventProperty("Message", new ScalarValue(scrubbed.Message)),
                    new LogEventProperty("Details", new ScalarValue(scrubbed.ToString())),
                ], exception.GetType().Name);
                return true;
            case Uri uri:
                result = new ScalarValue(scrubber.Scrub(uri.OriginalString));
                return true;
            case DbConnectionStringBuilder builder:
                result = new ScalarValue(scrubber.Scrub(builder.ConnectionString));
                return true;
            default:
                result = null!;
                return false;
        }
    }
}
