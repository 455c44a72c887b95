using System.Buffers;

namespace ServerlessShield;

// A cheap necessary condition for the SQL readings, so that most text never reaches the tokenizer. Without a word of
// SQL vocabulary (a keyword, a database function, a catalog object, "mysql" before a dot) only these can make an
// injection: a logical operator || or && (a condition after the operand), a variable '@' (@@version, not the '@' of
// an e-mail address), MySQL's
// executable comment "/*!", or a quote together with what a breakout needs after it: a comment (-- # /* or a lone
// dash), a comparison, an operator or a call (O'Brien has none). Everything else the lexer produces from punctuation
// (parentheses, semicolons, separators) only continues a query through a keyword or a call of a database function.
// Vocabulary is narrowed by what the value holds: a database function only matters when called or qualified (its name
// then meets a '(' or '.'), a cast type only after "::"; keywords and catalog objects always. Words are read the way
// the lexer splits them, including the keyword MySQL finds right after a number (1union, 0x1f or).
internal static class SqlCandidate
{
    // '|' and '&'; '@' is judged on its own (VariableSign).
    private static readonly SearchValues<char> SyntaxWithoutWords = SearchValues.Create("|&");

    // The quotes SqlLexer reads, with the typographic ones a best-fit conversion turns into '.
    private static readonly SearchValues<char> Quotes = SearchValues.Create("'\"`\u2018\u2019\u2032\u02BC");

    // What can follow a breakout without a word: comment openers (the en and em dash are "--" after a word processor),
    // comparison and arithmetic operators, '(' of a call, ':' of := and ::, ';' of a stacked statement.
    private static readonly SearchValues<char> BreakoutSyntax = SearchValues.Create("-#/=<>!?+*%^~:(;\u2013\u2014");

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    // Object names (table, view, user...) read like any name except after a DDL verb or BACKUP, which are keywords
    // themselves; catalog objects (information_schema...) count anywhere.
    private static readonly AsciiWordSet Keywords = new(ignoreCase: true, [.. KeywordsOtherThanObjects(), .. SqlFunctions.CatalogObjects.Words, "backup"]);

    // The names SqlSignatures and SqlProbe recognise before a '(' (or, for some, a '.').
    private static readonly AsciiWordSet Calls = new(
        ignoreCase: true,
        [
            .. SqlFunctions.Delay.Words, .. SqlFunctions.Distinctive.Words, .. SqlFunctions.Fingerprint.Words,
            .. SqlFunctions.Extraction.Words, .. SqlFunctions.Substring.Words, .. SqlFunctions.Geometry.Words,
            .. SqlFunctions.CodePoint.Words, .. SqlFunctions.Common.Words, "mysql", "if",
        ]);

    public static bool MayBeSql(ReadOnlySpan<char> value)
    {
        if (HasLogicalOperator(value) || HasVariableSign(value) || value.Contains("/*!", StringComparison.Ordinal)
            || (value.IndexOfAny(Quotes) >= 0 && value.IndexOfAny(BreakoutSyntax) >= 0))
        {
            return true;
        }

        var vocabulary = new Vocabulary(calls: value.IndexOfAny('(', '.') >= 0, casts: value.Contains("::", StringComparison.Ordinal));
        if (System.Text.Ascii.IsValid(value))
        {
            return HasAsciiVocabulary(value, vocabulary);
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

            if (HasVocabulary(value[start..i], vocabulary, value[start..i].ContainsAny(Digits)))
            {
                return true;
            }
        }

        return false;
    }

    // || or &&: looked for only when the value has a '|' or '&' at all (one search for most values).
    private static bool HasLogicalOperator(ReadOnlySpan<char> value) =>
        value.IndexOfAny(SyntaxWithoutWords) >= 0 && (value.Contains("||", StringComparison.Ordinal) || value.Contains("&&", StringComparison.Ordinal));

    // An '@' that can start a variable (@x:=1, @@version, select@a). The '@' of an e-mail address, between a
    // character of the local part and a letter or digit of the domain, cannot: a statement written around it needs a
    // word of the vocabulary, which the word check finds.
    private static bool HasVariableSign(ReadOnlySpan<char> value)
    {
        for (var at = value.IndexOf('@'); at >= 0; at = value[(at + 1)..].IndexOf('@') is var next and >= 0 ? at + 1 + next : -1)
        {
            if (at == 0 || at == value.Length - 1 || !IsAddressPart(value[at - 1]) || !char.IsAsciiLetterOrDigit(value[at + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAddressPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+';

    // The same word loop for ASCII text, where a word is a run of letters, digits and '_' (a plain loop: values are
    // short, and most of their words are a few letters long).
    private static bool HasAsciiVocabulary(ReadOnlySpan<char> value, Vocabulary vocabulary)
    {
        var start = -1;
        var digits = false;
        for (var i = 0; i <= value.Length; i++)
        {
            var c = i < value.Length ? value[i] : ' ';
            if (LexChars.IsWordChar(c))
            {
                start = start < 0 ? i : start;
                digits |= char.IsAsciiDigit(c);
                continue;
            }

            if (start >= 0 && HasVocabulary(value[start..i], vocabulary, digits))
            {
                return true;
            }

            start = -1;
            digits = false;
        }

        return false;
    }

    // Letters and digits outside ASCII are parts of words to the lexer (Dún, Zürich), except the modifier letter
    // apostrophe, which it reads as a quote.
    private static bool IsForeignWordPart(char c) => c > 0x7F && c != '\u02BC' && char.IsLetterOrDigit(c);

    private static bool IsWordPart(char c) => LexChars.IsWordChar(c) || IsForeignWordPart(c);

    // The whole word, and what follows each digit-to-letter step (1union, 1e5union: the lexer ends the number there).
    private static bool HasVocabulary(ReadOnlySpan<char> word, Vocabulary vocabulary, bool hasDigits)
    {
        if (vocabulary.Contains(word))
        {
            return true;
        }

        if (!hasDigits)
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

            if (end < word.Length && vocabulary.Contains(word[end..]))
            {
                return true;
            }
        }

        for (var k = 1; k < word.Length; k++)
        {
            if (char.IsAsciiDigit(word[k - 1]) && !char.IsAsciiDigit(word[k]) && vocabulary.Contains(word[k..]))
            {
                return true;
            }
        }

        return false;
    }

    // The words that can matter in this value.
    private readonly struct Vocabulary(bool calls, bool casts)
    {
        public bool Contains(ReadOnlySpan<char> word) =>
            Keywords.Contains(word) || (calls && Calls.Contains(word)) || (casts && SqlFunctions.CastTypes.Contains(word));
    }

    private static List<string> KeywordsOtherThanObjects()
    {
        var words = new List<string>();
        foreach (var word in SqlKeywords.All)
        {
            if (SqlKeywords.Classify(word) != SqlWord.Object)
            {
                words.Add(word);
            }
        }

        return words;
    }
}
