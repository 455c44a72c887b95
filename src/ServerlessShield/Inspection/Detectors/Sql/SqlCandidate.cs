using System.Buffers;

namespace ServerlessShield;

// A cheap necessary condition for the SQL readings, so that most text never reaches the tokenizer. Without a word of
// SQL vocabulary (a keyword, a database function, a catalog object, "mysql" before a dot) only these can make an
// injection: a quote (a quoted reading breaks out at it; its comparisons, splices and comments need the literal), a
// logical operator || or && (a condition after the operand), a variable '@' (@@version), or MySQL's executable
// comment "/*!". Everything else the lexer produces from punctuation (comparisons, arithmetic, parentheses,
// semicolons, comments, separators) only continues a query through a keyword or a call of a database function.
// Words are read the way the lexer splits them, including the keyword MySQL finds right after a number (1union,
// 0x1f or).
internal static class SqlCandidate
{
    // The quotes SqlLexer reads (with the typographic ones a best-fit conversion turns into '), '|', '&' and '@'.
    private static readonly SearchValues<char> SyntaxWithoutWords = SearchValues.Create("'\"`\u2018\u2019\u2032\u02BC|&@");

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly AsciiWordSet Vocabulary = new(
        ignoreCase: true,
        [
            .. SqlKeywords.All, .. SqlFunctions.Delay.Words, .. SqlFunctions.Distinctive.Words, .. SqlFunctions.Fingerprint.Words,
            .. SqlFunctions.Extraction.Words, .. SqlFunctions.Substring.Words, .. SqlFunctions.Geometry.Words,
            .. SqlFunctions.CodePoint.Words, .. SqlFunctions.CastTypes.Words, .. SqlFunctions.Common.Words,
            .. SqlFunctions.CatalogObjects.Words, "mysql", "backup", "if",
        ]);

    public static bool MayBeSql(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny(SyntaxWithoutWords) >= 0 || value.Contains("/*!", StringComparison.Ordinal))
        {
            return true;
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

    // The same word loop for ASCII text, where a word is a run of letters, digits and '_' (a plain loop: values are
    // short, and most of their words are a few letters long).
    private static bool HasAsciiVocabulary(ReadOnlySpan<char> value)
    {
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && LexChars.IsWordChar(value[i]))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0 && HasVocabulary(value[start..i]))
            {
                return true;
            }

            start = -1;
        }

        return false;
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

        // 0x1f or / 0b1and: the lexer ends a hex or binary literal at its last hex digit when a keyword follows.
        if (word.Length > 3 && word[0] == '0' && word[1] is 'x' or 'X' or 'b' or 'B' && char.IsAsciiHexDigit(word[2]))
        {
            var end = 2;
            while (end < word.Length && char.IsAsciiHexDigit(word[end]))
            {
                end++;
            }

            if (end < word.Length && Vocabulary.Contains(word[end..]))
            {
                return true;
            }
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
