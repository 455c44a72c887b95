namespace ServerlessShield.AzureFunctions;

// Reads the trace id out of a W3C traceparent header value: "00-<32 hex trace id>-<16 hex span id>-<2 hex flags>".
internal static class W3CTraceParent
{
    public static string? TraceIdOf(string? traceParent)
    {
        if (traceParent is not { Length: >= 55 } || traceParent[2] != '-' || traceParent[35] != '-')
        {
            return null;
        }

        var traceId = traceParent.AsSpan(3, 32);
        foreach (var c in traceId)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }
        }

        return traceId.ToString();
    }
}
