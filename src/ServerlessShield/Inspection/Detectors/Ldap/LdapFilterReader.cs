namespace ServerlessShield;

// Reads LDAP filter syntax (RFC 4515) forward from a position: components "(attr op value)" with op one of
// = ~= >= <= := , composites "(&...)", "(|...)", "(!...)", and the absolute filters "(&)" / "(|)".
// Each read is bounded to a short window so scanning every parenthesis keeps the detector linear.
internal static class LdapFilterReader
{
    // Attribute descriptions are short; a longer run is prose, not a filter.
    private const int MaxAttributeLength = 64;

    // After a ")" that closes the application's component: optional &, | or ! then "(" opening a component of
    // the attacker's ("printer)(uid=*)", "val)|(uid=*", "test) ( & ", "admin*)((|userPassword=*)").
    public static bool OpensComponentAfterClose(ReadOnlySpan<char> value, int index)
    {
        index = LexChars.SkipSpaces(value, index);
        if (index < value.Length && value[index] is '&' or '|' or '!')
        {
            index = LexChars.SkipSpaces(value, index + 1);
        }

        if (index >= value.Length || value[index] != '(')
        {
            return false;
        }

        var opens = 0;
        while (index < value.Length && (value[index] == '(' || LexChars.IsSpace(value[index])))
        {
            opens += value[index] == '(' ? 1 : 0;
            index++;
        }

        if (index >= value.Length)
        {
            return false;
        }

        // "(&" / "(|" / "(!": a composite (or an absolute filter) begins; "((" alone is not filter syntax.
        if (value[index] is '&' or '|' or '!')
        {
            var next = LexChars.SkipSpaces(value, index + 1);
            return next >= value.Length || value[next] is '(' or ')' || IsAttributeAssertion(value, next);
        }

        return opens == 1 && IsAttributeAssertion(value, index);
    }

    // After a "(": a composite operator whose first operand is itself a component: "(|(mail=*", "(&(objectClass=".
    public static bool IsNestedComposite(ReadOnlySpan<char> value, int index)
    {
        index = LexChars.SkipSpaces(value, index);
        if (index >= value.Length || value[index] is not ('&' or '|' or '!'))
        {
            return false;
        }

        index = LexChars.SkipSpaces(value, index + 1);
        if (index >= value.Length || value[index] != '(')
        {
            return false;
        }

        return IsAttributeAssertion(value, LexChars.SkipSpaces(value, index + 1));
    }

    // "*))\0" or ")\0": the filter is closed and a NUL cuts off whatever the application appends.
    public static bool IsTruncatedAfterClose(ReadOnlySpan<char> value, int index)
    {
        var closes = 0;
        var i = index;
        if (value[i] == '*')
        {
            i++;
        }

        while (i < value.Length && value[i] == ')')
        {
            closes++;
            i++;
        }

        return closes > 0 && i < value.Length && value[i] == '\0';
    }

    // The rest of an extensible match after "attr:": an optional "dn:" and a matching-rule OID, then ":=".
    private static bool IsExtensibleMatch(ReadOnlySpan<char> rest)
    {
        var window = rest[..Math.Min(rest.Length, MaxAttributeLength)];
        var assign = window.IndexOf(":=", StringComparison.Ordinal);
        if (assign < 0)
        {
            return false;
        }

        foreach (var c in window[..assign])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or ':' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    // attr op: "uid=", "cn>=", "sn~=", "gidNumber<=", "cn:dn:=", attribute with options "userCertificate;binary=".
    private static bool IsAttributeAssertion(ReadOnlySpan<char> value, int index)
    {
        var start = index;
        while (index < value.Length && index - start <= MaxAttributeLength
            && (char.IsAsciiLetterOrDigit(value[index]) || value[index] is '-' or '.' or ';' or '_'))
        {
            index++;
        }

        if (index == start || !char.IsAsciiLetterOrDigit(value[start]) || index - start > MaxAttributeLength)
        {
            return false;
        }

        index = LexChars.SkipSpaces(value, index);
        if (index >= value.Length)
        {
            return false;
        }

        return value[index] == '='
            || (value[index] is '~' or '>' or '<' && index + 1 < value.Length && value[index + 1] == '=')
            || (value[index] == ':' && IsExtensibleMatch(value[(index + 1)..]));
    }
}
