using System.Buffers;

namespace ServerlessShield;

// A cheap necessary condition for the SQL readings, so that most text never reaches the tokenizer. A value made only
// of letters, digits, '_', blanks and the inert punctuation . , : lexes into words, numbers, dots, commas and
// "other" tokens; every check of the detector then needs one of its words to be SQL vocabulary: a keyword, a
// database function, a catalog object (or "mysql" before a dot). Words are read the way the lexer splits them,
// including the keyword MySQL finds right after a number (1union).
internal static class SqlCandidate
{
    private static readonly SearchValues<char> InertChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ .,:");

    private static readonly SearchValues<char> AsciiWordChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly AsciiWordSet Vocabulary = new(
        ignoreCase: true,
        [
            .. SqlKeywords.All, .. SqlFunctions.Delay.Words, .. SqlFunctions.Distinctive.Words, .. SqlFunctions.Fingerprint.Words,
            .. SqlFunctions.Extraction.Words, .. SqlFunctions.Substring.Words, .. SqlFunctions.Geometry.Words,
            .. SqlFunctions.CodePoint.Words, .. SqlFunctions.CastTypes.Words, .. SqlFunctions.Common.Words,
            .. SqlFunctions.CatalogObjects.Words, "mysql", "backup",
        ]);

    public static bool MayBeSql(ReadOnlySpan<char> value)
    {
        for (var at = value.IndexOfAnyExcept(InertChars); at >= 0; at = Next(value, at))
        {
            if (!IsForeignWordPart(value[at]))
            {
                return true;
            }
        }

        if (System.Text.Ascii.IsValid(value))
        {
            return HasAsciiVocabulary(value);
        }

        var i = 0;
        while (i < value.Length)
        {
            if (!IsWordPart(value[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < value.Length && IsWordPart(value[i]))
            {
                i++;
            }

            if (HasVocabulary(value[start..i]))
            {
                return true;
            }
        }

        return false;
    }

    // The same word loop for ASCII text, where a word is a run of letters, digits and '_' found by vectorized search.
    private static bool HasAsciiVocabulary(ReadOnlySpan<char> value)
    {
        var rest = value;
        while (true)
        {
            var start = rest.IndexOfAny(AsciiWordChars);
            if (start < 0)
            {
                return false;
            }

            rest = rest[start..];
            var length = rest.IndexOfAnyExcept(AsciiWordChars);
            var word = length < 0 ? rest : rest[..length];
            if (HasVocabulary(word))
            {
                return true;
            }

            if (length < 0)
            {
                return false;
            }

            rest = rest[length..];
        }
    }

    private static int Next(ReadOnlySpan<char> value, int at)
    {
        var next = value[(at + 1)..].IndexOfAnyExcept(InertChars);
        return next < 0 ? -1 : at + 1 + next;
    }

    // Letters and digits outside ASCII are parts of words to the lexer (Dún, Zürich), except the modifier letter
    // apostrophe, which it reads as a quote.
    private static bool IsForeignWordPart(char c) => c > 0x7F && c != '\u02BC' && char.IsLetterOrDigit(c);

    private static bool IsWordPart(char c) => LexChars.IsWordChar(c) || IsForeignWordPart(c);

    // The whole word, and what follows each digit-to-letter step (1union, 1e5union: the lexer ends the number there).
    private static bool HasVocabulary(ReadOnlySpan<char> word)
    {
        if (Vocabulary.Contains(word))
        {
            return true;
        }

        if (!word.ContainsAny(Digits))
        {
            return false;
        }

        for (var k = 1; k < word.Length; k++)
        {
            if (char.IsAsciiDigit(word[k - 1]) && !char.IsAsciiDigit(word[k]) && Vocabulary.Contains(word[k..]))
            {
                return true;
            }
        }

        return false;
    }
}
