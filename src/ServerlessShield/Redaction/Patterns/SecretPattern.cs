using System.Text;

namespace ServerlessShield;

// One kind of secret the scrubber removes, found by a hand-written scanner: each scan is a single forward pass, so
// the cost stays linear in the text, and the library carries no regular-expression engine into trimmed and Native
// AOT apps. Matches follow regular-expression replace semantics: leftmost first, never overlapping.
internal abstract class SecretPattern
{
    // The first match starting at or after from.
    public abstract bool TryFind(ReadOnlySpan<char> text, int from, out SecretMatch match);

    // What replaces a match: by default the label it keeps (a key, a scheme) and the marker; null keeps the match as
    // it is (a number that fails its checksum).
    protected virtual string? Replacement(ReadOnlySpan<char> label, ReadOnlySpan<char> secret) =>
        string.Concat(label, SecretScrubber.Marker);

    public string ReplaceAll(string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        var from = 0;
        while (from < text.Length && TryFind(text, from, out var match))
        {
            var (start, secretStart, end) = match;
            if (Replacement(text.AsSpan(start, secretStart - start), text.AsSpan(secretStart, end - secretStart)) is { } replacement)
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, start - copied).Append(replacement);
                copied = end;
            }

            from = end;
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    // \w of .NET regular expressions (letters, non-spacing marks, decimal digits, connector punctuation) and the two
    // joiners its \b also counts as word characters.
    protected static bool IsWordChar(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return c is '\u200C' or '\u200D' || char.GetUnicodeCategory(c) switch
        {
            System.Globalization.UnicodeCategory.UppercaseLetter or
            System.Globalization.UnicodeCategory.LowercaseLetter or
            System.Globalization.UnicodeCategory.TitlecaseLetter or
            System.Globalization.UnicodeCategory.ModifierLetter or
            System.Globalization.UnicodeCategory.OtherLetter or
            System.Globalization.UnicodeCategory.NonSpacingMark or
            System.Globalization.UnicodeCategory.DecimalDigitNumber or
            System.Globalization.UnicodeCategory.ConnectorPunctuation => true,
            _ => false,
        };
    }

    // A word starts at index: no word character right before it (\b before a word character).
    protected static bool StartsWord(ReadOnlySpan<char> text, int index) => index == 0 || !IsWordChar(text[index - 1]);

    // A word ends at index: no word character right after it (\b after a word character).
    protected static bool EndsWord(ReadOnlySpan<char> text, int index) => index >= text.Length || !IsWordChar(text[index]);

    // The end of the run of characters from index that satisfy the test.
    protected static int SkipWhile(ReadOnlySpan<char> text, int index, Func<char, bool> test)
    {
        while (index < text.Length && test(text[index]))
        {
            index++;
        }

        return index;
    }

    // \s of .NET regular expressions.
    protected static bool IsSpace(char c) => char.IsWhiteSpace(c);
}
