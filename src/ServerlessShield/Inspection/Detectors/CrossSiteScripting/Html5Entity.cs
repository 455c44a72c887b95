namespace ServerlessShield;

/// <summary>
/// The HTML5 named character references that spell script syntax (<c>&amp;colon;</c>, <c>&amp;lpar;</c>,
/// <c>&amp;NewLine;</c>...). Browsers decode them in attribute values and text; the HTML4 table of the canonical
/// decoder does not have them. Names are matched case-insensitively, with or without the semicolon.
/// </summary>
internal static class Html5Entity
{
    private static readonly (string Name, char Value)[] Entities =
    [
        ("colon", ':'), ("tab", '\t'), ("newline", '\n'), ("lpar", '('), ("rpar", ')'), ("sol", '/'), ("bsol", '\\'),
        ("period", '.'), ("comma", ','), ("excl", '!'), ("quest", '?'), ("equals", '='), ("apos", '\''), ("quot", '"'),
        ("lt", '<'), ("gt", '>'), ("num", '#'), ("dollar", '$'), ("percnt", '%'), ("lsqb", '['), ("rsqb", ']'), ("lcub", '{'),
        ("rcub", '}'), ("lbrack", '['), ("rbrack", ']'), ("lbrace", '{'), ("rbrace", '}'), ("grave", '`'), ("plus", '+'),
        ("ast", '*'), ("semi", ';'), ("vert", '|'), ("lowbar", '_'), ("hyphen", '-'), ("dash", '-'), ("hat", '^'),
        ("commat", '@'), ("amp", '&'), ("nbsp", ' '), ("zwj", '\0'), ("zwnj", '\0'),
    ];

    public static bool TryDecode(ReadOnlySpan<char> text, out char value, out int length)
    {
        value = '\0';
        length = 0;

        // Every name starts with a letter (outside ASCII, 'ſ' compares as 's'): "a & b" skips the table.
        if (text.Length < 2 || (text[1] < 0x80 && !char.IsAsciiLetter(text[1])))
        {
            return false;
        }

        foreach (var (name, decoded) in Entities)
        {
            if (text.Length > name.Length && text[1..].StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                var after = 1 + name.Length;
                var semicolon = after < text.Length && text[after] == ';';
                if (!semicolon && after < text.Length && char.IsAsciiLetterOrDigit(text[after]))
                {
                    continue; // a longer name (&ltimes;) or ordinary text
                }

                value = decoded;
                length = after + (semicolon ? 1 : 0);
                return true;
            }
        }

        return false;
    }
}
