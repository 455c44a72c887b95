namespace ServerlessShield;

// A small immutable set of ASCII words looked up by span without allocating (see AsciiWordMap).
internal sealed class AsciiWordSet
{
    private readonly AsciiWordMap<bool> _map;

    public AsciiWordSet(bool ignoreCase, params string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _map = new AsciiWordMap<bool>(ignoreCase, words, new bool[words.Length]);
    }

    // The whitespace-separated words of one string (see SortedWordSet.Parse for why word lists are strings).
    public static AsciiWordSet Parse(bool ignoreCase, string words) => new(ignoreCase, words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public IReadOnlyList<string> Words => _map.Words;

    public bool Contains(ReadOnlySpan<char> word) => _map.TryGetValue(word, out _);
}
