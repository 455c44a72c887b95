namespace ServerlessShield;

// LDAP filter injection. A value is spliced into a filter such as (uid=VALUE); an attack closes that component and
// adds its own: ")(uid=*", ")(|(password=*", "*)(&", "bar)(&)", a composite that nests a new component
// "(|(mail=*))", or a NUL that cuts the rest of the filter off "*))\0". See LdapFilterReader for the grammar.
// Values made of nothing but filter metacharacters are syntax probes or the bare-wildcard bypass (see
// LdapProbe); ordinary text with parentheses or an asterisk is left alone.
internal sealed class LdapInjectionDetector : IInjectionDetector
{
    public ShieldRule Rule => ShieldRules.LdapInjection;

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny('(', ')', '*') < 0)
        {
            return LdapProbe.IsProbe(value);
        }

        // Depth counts the value's own parentheses. A well-formed filter sent as a value (an admin search form) never
        // closes more than it opened; an injection closes the application's component first.
        var depth = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ')')
            {
                depth--;
                if (depth < 0 && LdapFilterReader.OpensComponentAfterClose(value, i + 1))
                {
                    return true;
                }
            }
            else if (c == '(')
            {
                if (depth == 0 && FollowsValueText(value, i) && LdapFilterReader.IsNestedComposite(value, i + 1))
                {
                    return true;
                }

                depth++;
            }

            // Checked at the start of a run of ")" only, so a long run is read once.
            if (c is ')' or '*' && (i == 0 || value[i - 1] != ')') && LdapFilterReader.IsTruncatedAfterClose(value, i))
            {
                return true;
            }
        }

        return LdapProbe.IsProbe(value);
    }

    // The "(" comes after assertion-value text ("*(|(mail=*))"), not at the start of a filter of the value's own.
    private static bool FollowsValueText(ReadOnlySpan<char> value, int index)
    {
        var before = index - 1;
        while (before >= 0 && LexChars.IsSpace(value[before]))
        {
            before--;
        }

        return before >= 0 && value[before] is not ('(' or ')' or '&' or '|' or '!');
    }
}
