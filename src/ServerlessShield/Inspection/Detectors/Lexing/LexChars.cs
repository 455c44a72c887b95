namespace ServerlessShield;

// Small ASCII helpers shared by the hand-written scanners: they only look at ASCII, so they are culture-free.
internal static class LexChars
{
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // The first index at or after `from` of one of the values, or -1: scanners jump from one character they act on
    // to the next instead of testing every character in between.
    public static int IndexOfAnyFrom(ReadOnlySpan<char> text, int from, System.Buffers.SearchValues<char> values)
    {
        var next = from < text.Length ? text[from..].IndexOfAny(values) : -1;
        return next < 0 ? -1 : from + next;
    }

    // The first index of c in text[start..] within `window` characters, or -1. A closing character that must come soon
    // (a reference's ';', a short body's '}') is looked for only that far: searched to the end from each of many openers,
    // the cost would be quadratic.
    public static int IndexWithin(ReadOnlySpan<char> text, char c, int start, int window)
    {
        if (start >= text.Length)
        {
            return -1;
        }

        var found = text.Slice(start, Math.Min(window, text.Length - start)).IndexOf(c);
        return found < 0 ? -1 : start + found;
    }

    // Every ASCII character (U+0000 to U+007F) except the given ones.
    public static string AsciiExcept(string excluded)
    {
        var chars = new System.Text.StringBuilder(128);
        for (var c = '\0'; c <= '\u007F'; c++)
        {
            if (!excluded.Contains(c, StringComparison.Ordinal))
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }

    // The characters from first to last, for character sets built at startup (without LINQ's per-type compilation).
    public static string Range(char first, char last)
    {
        var chars = new char[last - first + 1];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(first + i);
        }

        return new string(chars);
    }

    // Letters written as a word is written: all lower case, all upper case, or capitalized ("admin", "ADM", "Smith"),
    // other characters aside. Generated strings (passwords, keys) mix the cases at random ("tsDYCf3Zkn"). One scalar
    // pass: the words checked are short.
    public static bool IsWordCased(ReadOnlySpan<char> value)
    {
        var uppers = 0;
        var lowers = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                // An upper-case letter after a lower-case one ("dU") is no word's casing.
                if (lowers > 0)
                {
                    return false;
                }

                uppers++;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                lowers++;
            }
        }

        // All lower, all upper, or one capital before the lower-case letters.
        return uppers <= 1 || lowers == 0;
    }

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '\u00A0';

    public static char Lower(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;

    // Lower-casing for text that is only ever compared with ASCII words: the Kelvin sign is the one character outside
    // ASCII that lower-cases into it ('k'); any other stays outside ASCII either way, so it is kept as it is.
    public static char FoldForAscii(char c) => c < 0x80 ? Lower(c) : c == '\u212A' ? 'k' : c;

    // Whether value[index..] starts with the ASCII word, ignoring case.
    public static bool StartsWithIgnoreCase(ReadOnlySpan<char> value, int index, string word)
    {
        if (index < 0 || index + word.Length > value.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (Lower(value[index + i]) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    // Whether the ASCII word occurs anywhere in value, ignoring case.
    public static bool ContainsIgnoreCase(ReadOnlySpan<char> value, string word) =>
        value.IndexOf(word.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0;

    public static int SkipSpaces(ReadOnlySpan<char> value, int index)
    {
        while (index < value.Length && IsSpace(value[index]))
        {
            index++;
        }

        return index;
    }
}
