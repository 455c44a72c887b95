namespace ServerlessShield;

// XML external entities and their relatives in an XML-bearing value: an entity declaration (<!ENTITY ...>), a
// DOCTYPE with an internal subset holding declarations or parameter-entity references, a DOCTYPE that pulls an
// external DTD (except the W3C's own public DTDs, which XHTML documents name routinely), or an XInclude element.
// These are markup declarations a client has no business sending; plain XML without them is left alone.
internal sealed class XmlExternalEntityDetector : IInjectionDetector
{
    public ShieldRule Rule => ShieldRules.XmlExternalEntity;

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        var offset = 0;
        while (offset < value.Length)
        {
            var found = value[offset..].IndexOf("<!", StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var at = offset + found + 2;
            if ((LexChars.StartsWithIgnoreCase(value, at, "entity") && XmlDeclarationReader.IsEntityDeclaration(value, at + 6))
                || (LexChars.StartsWithIgnoreCase(value, at, "doctype") && XmlDeclarationReader.IsDangerousDoctype(value, at + 7)))
            {
                return true;
            }

            offset = at;
        }

        return XmlDeclarationReader.HasXInclude(value);
    }
}
