namespace ServerlessShield;

// key=value and "key": "value" pairs whose key names a secret (password, AccountKey, client_secret...), in
// connection strings, query strings, JSON and headers. The key stays; the value up to its delimiter goes. Key names
// match without regard to case and also inside longer names (DbPassword=...).
internal sealed class KeyValueSecretPattern : SecretPattern
{
    // Key names by their lower-cased first character; each lookup tries only the names that can start there.
    private readonly Dictionary<char, string[]> _namesByFirst;

    public KeyValueSecretPattern(IEnumerable<string> names)
    {
        var byFirst = new Dictionary<char, List<string>>();
        foreach (var name in names)
        {
            var key = name.Trim().ToLowerInvariant();
            if (key.Length == 0)
            {
                continue;
            }

            if (!byFirst.TryGetValue(key[0], out var list))
            {
                byFirst[key[0]] = list = [];
            }

            if (!list.Contains(key))
            {
                list.Add(key);
            }
        }

        _namesByFirst = [];
        foreach (var (first, list) in byFirst)
        {
            _namesByFirst[first] = [.. list];
        }
    }

    public override bool TryFind(ReadOnlySpan<char> text, int from, out SecretMatch match)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (!_namesByFirst.TryGetValue(Fold(text[i]), out var names))
            {
                continue;
            }

            foreach (var name in names)
            {
                // The key's tail stays with it: an optional quote, '=' or ':' with blanks, an optional opening quote.
                if (NameAt(text, i, name) && TryReadValue(text, i + name.Length, out var valueStart, out var end))
                {
                    match = new(i, valueStart, end);
                    return true;
                }
            }
        }

        match = default;
        return false;
    }

    // ["']? \s* [=:] \s* ["']? then the value: one or more characters up to a delimiter.
    private static bool TryReadValue(ReadOnlySpan<char> text, int afterName, out int valueStart, out int end)
    {
        end = valueStart = 0;
        var i = afterName;
        if (i < text.Length && text[i] is '"' or '\'')
        {
            i++;
        }

        i = SkipWhile(text, i, IsSpace);
        if (i >= text.Length || text[i] is not ('=' or ':'))
        {
            return false;
        }

        i = SkipWhile(text, i + 1, IsSpace);
        if (i < text.Length && text[i] is '"' or '\'')
        {
            i++;
        }

        valueStart = i;
        end = SkipWhile(text, i, static c => !IsDelimiter(c));
        return end > valueStart;
    }

    private static bool IsDelimiter(char c) => c is ';' or '&' or '"' or '\'' or ',' or '}' or '<' or '>' || IsSpace(c);

    private static bool NameAt(ReadOnlySpan<char> text, int index, string name)
    {
        if (index + name.Length > text.Length)
        {
            return false;
        }

        for (var k = 0; k < name.Length; k++)
        {
            if (Fold(text[index + k]) != name[k])
            {
                return false;
            }
        }

        return true;
    }

    // Case-insensitive comparison with lower-cased names, as the invariant culture folds: the Kelvin sign is a 'k'
    // and the long s an 's'.
    private static char Fold(char c) => c switch
    {
        '\u212A' => 'k',
        '\u017F' => 's',
        _ => char.ToLowerInvariant(c),
    };
}
