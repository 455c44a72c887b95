namespace ServerlessShield;

// Log4Shell-style JNDI lookups: a ${...} expression that evaluates to ${jndi:...} once nested lookups are
// resolved (see LookupResolver), or the tell-tale "jndi:<protocol>:" reached from a "$" whose brace is hidden
// behind an encoding the canonical decoder leaves alone (&lbrace without ';', zero-padded character references).
internal sealed class JndiLookupDetector : IInjectionDetector
{
    // Longest gap between the "$" and "jndi:" in the same whitespace-free run; real obfuscations are far shorter.
    private const int MaxDollarDistance = 128;

    public ShieldRule Rule => ShieldRules.JndiLookup;

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        if (value.IndexOf('$') < 0)
        {
            return false;
        }

        return HasDollarBeforeJndiProtocol(value) || LookupResolver.ResolvesToJndi(value);
    }

    private static bool HasDollarBeforeJndiProtocol(ReadOnlySpan<char> value)
    {
        var offset = 0;
        while (offset < value.Length)
        {
            var found = value[offset..].IndexOf("jndi:", StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var at = offset + found;
            if (IsProtocolAt(value, at + 5) && HasDollarBefore(value, at))
            {
                return true;
            }

            offset = at + 5;
        }

        return false;
    }

    // "ldap:", "rmi:", "dns:"... a short scheme name and a colon.
    private static bool IsProtocolAt(ReadOnlySpan<char> value, int index)
    {
        var end = index;
        while (end < value.Length && end - index <= 10 && char.IsAsciiLetter(value[end]))
        {
            end++;
        }

        return end > index && end < value.Length && value[end] == ':';
    }

    private static bool HasDollarBefore(ReadOnlySpan<char> value, int index)
    {
        for (var i = index - 1; i >= 0 && index - i <= MaxDollarDistance && !LexChars.IsSpace(value[i]); i--)
        {
            if (value[i] == '$')
            {
                return true;
            }
        }

        return false;
    }
}
