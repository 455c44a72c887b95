namespace ServerlessShield;

// A forward-only SQL tokenizer over a span. It is a small value type, so a copy is a free bookmark for looking
// ahead. Comments come out as tokens (their presence matters to the detector) except MySQL's executable comments
// /*!50000 ... */, whose markers are dropped so their content is read as code.
internal ref struct SqlLexer
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    public SqlLexer(ReadOnlySpan<char> text, int position = 0)
    {
        _text = text;
        _position = position;
    }

    public readonly int Position => _position;

    public readonly ReadOnlySpan<char> Text => _text;

    // Reads the rest of a string literal the value starts inside of (the application's opening quote came before
    // the value), up to the first closing quote that is not escaped by a backslash or by doubling.
    public SqlToken ReadContinuedString(char quote)
    {
        var end = FindStringEnd(_text, _position, quote, out var closed);
        var token = new SqlToken(SqlTokenKind.String, _position, end - _position, Closed: closed);
        _position = end;
        return token;
    }

    // The next token that is not a comment.
    public SqlToken NextCode()
    {
        while (true)
        {
            var token = Next();
            if (token.Kind != SqlTokenKind.Comment)
            {
                return token;
            }
        }
    }

    // The next code token, telling whether a comment was skipped on the way.
    public SqlToken NextCode(out bool sawComment)
    {
        sawComment = false;
        while (true)
        {
            var token = Next();
            if (token.Kind != SqlTokenKind.Comment)
            {
                return token;
            }

            sawComment = true;
        }
    }

    public readonly SqlToken PeekCode()
    {
        var copy = this;
        return copy.NextCode();
    }

    public SqlToken Next()
    {
        SkipSpaceAndExecutableMarkers();
        var text = _text;
        var start = _position;
        if (start >= text.Length)
        {
            return new SqlToken(SqlTokenKind.End, start, 0);
        }

        var c = text[start];
        var next = start + 1 < text.Length ? text[start + 1] : '\0';
        switch (c)
        {
            case '\'' or '"':
                return ReadString(start, c);
            case '\u2018' or '\u2019' or '\u2032' or '\u02BC':
                return ReadString(start, '\'');
            case '`':
                var tick = text[(start + 1)..].IndexOf('`');
                _position = tick < 0 ? text.Length : start + tick + 2;
                return new SqlToken(SqlTokenKind.Word, start, _position - start, Closed: tick >= 0);
            case '-' when next == '-':
            case '#' when next != '>':
            // An en or em dash standing alone is "--" after a word processor's smart-dash rewrite.
            case '\u2013' or '\u2014' when next is '\0' || LexChars.IsSpace(next):
                var lineEnd = text[start..].IndexOfAny('\n', '\r');
                _position = lineEnd < 0 ? text.Length : start + lineEnd;
                return new SqlToken(SqlTokenKind.Comment, start, _position - start, Tag: c);
            case '/' when next == '*':
                var close = text[(start + 2)..].IndexOf("*/", StringComparison.Ordinal);
                _position = close < 0 ? text.Length : start + close + 4;
                return new SqlToken(SqlTokenKind.Comment, start, _position - start, Closed: close >= 0, Tag: '/');
            case '(':
                return Single(SqlTokenKind.LeftParen, start);
            case ')':
                return Single(SqlTokenKind.RightParen, start);
            case ',':
                return Single(SqlTokenKind.Comma, start);
            case ';':
                return Single(SqlTokenKind.Semicolon, start);
            case '.' when !char.IsAsciiDigit(next):
                return Single(SqlTokenKind.Dot, start);
            case '@' when IsWordStart(next) || (next == '@' && start + 2 < text.Length && IsWordStart(text[start + 2])):
                var variableEnd = start + (next == '@' ? 2 : 1);
                while (variableEnd < text.Length && (IsWordPart(text[variableEnd]) || text[variableEnd] == '.'))
                {
                    variableEnd++;
                }

                _position = variableEnd;
                return new SqlToken(SqlTokenKind.Variable, start, variableEnd - start, Tag: next == '@' ? '@' : '\0');
            default:
                break;
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(next)))
        {
            return ReadNumber(start);
        }

        if (IsWordStart(c))
        {
            return ReadWord(start);
        }

        return ReadOperator(start);
    }

    // Typographic apostrophes and primes that Windows "best fit" code-page conversion turns into an ASCII quote on
    // the way to a database (the same trick works through some drivers), so they close strings like "'" does.
    public static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u2032' or '\u02BC';

    private static bool IsQuote(char c, char quote) => quote == '\'' ? IsSingleQuote(c) : c == quote;

    // Index just past the closing quote (or the end), honouring backslash escapes and doubled quotes.
    private static int FindStringEnd(ReadOnlySpan<char> text, int index, char quote, out bool closed)
    {
        for (var i = index; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (IsQuote(c, quote))
            {
                if (i + 1 < text.Length && IsQuote(text[i + 1], quote))
                {
                    i++;
                    continue;
                }

                closed = true;
                return i + 1;
            }
        }

        closed = false;
        return text.Length;
    }

    private static bool IsKeywordAt(ReadOnlySpan<char> text, int index)
    {
        var end = index;
        while (end < text.Length && IsWordPart(text[end]))
        {
            end++;
        }

        return SqlKeywords.Classify(text[index..end]) is SqlWord.Union or SqlWord.Or or SqlWord.And or SqlWord.Xor
            or SqlWord.Order or SqlWord.Group or SqlWord.Having or SqlWord.Limit or SqlWord.Select or SqlWord.From;
    }

    // "+" between a keyword and a word, number or quote (UNION+SELECT, 1+AND+2=2, '+or+'): a form-encoded space.
    // A sum with a keyword operand means nothing, so reading it as a space loses no arithmetic.
    private static bool IsFormEncodedSpace(ReadOnlySpan<char> text, int plus)
    {
        if (plus == 0 || plus + 1 >= text.Length || !IsSpaceNeighbour(text[plus - 1]) || !IsSpaceNeighbour(text[plus + 1]))
        {
            return false;
        }

        var before = plus;
        while (before > 0 && char.IsAsciiLetter(text[before - 1]))
        {
            before--;
        }

        var after = plus + 1;
        while (after < text.Length && char.IsAsciiLetter(text[after]))
        {
            after++;
        }

        return IsKeyword(text[before..plus]) || IsKeyword(text[(plus + 1)..after]);
    }

    private static bool IsSpaceNeighbour(char c) => char.IsAsciiLetterOrDigit(c) || c is '\'' or '"';

    private static bool IsKeyword(ReadOnlySpan<char> word) =>
        word.Length > 0 && SqlKeywords.Classify(word) is not (SqlWord.Identifier or SqlWord.Object);

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c > 0x7F && char.IsLetter(c));

    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || (c > 0x7F && char.IsLetterOrDigit(c));

    private void SkipSpaceAndExecutableMarkers()
    {
        var text = _text;
        while (_position < text.Length)
        {
            var c = text[_position];
            if (LexChars.IsSpace(c) || c == '\0')
            {
                _position++;
            }
            else if (c == '/' && _position + 2 < text.Length && text[_position + 1] == '*' && text[_position + 2] == '!')
            {
                // /*!50000select*/: MySQL runs the content; skip the marker and its optional version number.
                _position += 3;
                while (_position < text.Length && char.IsAsciiDigit(text[_position]))
                {
                    _position++;
                }

            }
            else if (c == '*' && _position + 1 < text.Length && text[_position + 1] == '/')
            {
                // The end of an executable comment, or a stray "*/" left by a comment opened in another parameter.
                _position += 2;
            }
            else if (c == '+' && IsFormEncodedSpace(text, _position))
            {
                // UNION+SELECT: a form-encoded space between two keywords (a sum of two keywords means nothing).
                _position++;
            }
            else
            {
                return;
            }
        }
    }

    private SqlToken Single(SqlTokenKind kind, int start)
    {
        _position = start + 1;
        return new SqlToken(kind, start, 1);
    }

    private SqlToken ReadString(int start, char quote)
    {
        _position = FindStringEnd(_text, start + 1, quote, out var closed);
        return new SqlToken(SqlTokenKind.String, start, _position - start, Closed: closed);
    }

    private SqlToken ReadNumber(int start)
    {
        var text = _text;
        var i = start;
        if (text[i] == '0' && i + 2 < text.Length && text[i + 1] is 'x' or 'X' or 'b' or 'B' && char.IsAsciiHexDigit(text[i + 2]))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }
        }
        else
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i < text.Length && text[i] == '.')
            {
                i++;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }

            // Exponent: 1e5, 2.2e-308, and MySQL's bare "1.e" (read as 1).
            if (i < text.Length && text[i] is 'e' or 'E')
            {
                var exponent = i + 1;
                if (exponent < text.Length && text[exponent] is '+' or '-')
                {
                    exponent++;
                }

                var digits = exponent;
                while (digits < text.Length && char.IsAsciiDigit(text[digits]))
                {
                    digits++;
                }

                if (digits > exponent)
                {
                    i = digits;
                }
                else if (text[i - 1] == '.' && (i + 1 >= text.Length || !IsWordPart(text[i + 1])))
                {
                    i++;
                }
            }
        }

        // 3rd, 70S, 4dm1n: digits glued to letters are a word, not a number, unless the letters are a keyword
        // (1union, 25UNION SELECT): MySQL ends the number there.
        if (i < text.Length && IsWordPart(text[i]) && !IsKeywordAt(text, i))
        {
            return text[start] == '.' ? Single(SqlTokenKind.Dot, start) : ReadWord(start);
        }

        _position = i;
        return new SqlToken(SqlTokenKind.Number, start, i - start);
    }

    private SqlToken ReadWord(int start)
    {
        var text = _text;
        var i = start;
        while (i < text.Length && IsWordPart(text[i]))
        {
            i++;
        }

        // N'text', x'4142', b'01', E'\n', _utf8'x': a prefixed string literal is a string.
        if (i < text.Length && text[i] == '\'' && (i - start == 1 ? text[start] is 'n' or 'N' or 'x' or 'X' or 'b' or 'B' or 'e' or 'E' : text[start] == '_'))
        {
            _position = FindStringEnd(text, i + 1, '\'', out var closed);
            return new SqlToken(SqlTokenKind.String, start, _position - start, Closed: closed);
        }

        _position = i;
        var word = text[start..i];
        return new SqlToken(SqlTokenKind.Word, start, i - start, SqlKeywords.Classify(word));
    }

    private SqlToken ReadOperator(int start)
    {
        var text = _text;
        var c = text[start];
        var n1 = start + 1 < text.Length ? text[start + 1] : '\0';
        var n2 = start + 2 < text.Length ? text[start + 2] : '\0';
        var (kind, length) = (c, n1, n2) switch
        {
            ('<', '=', '>') => (SqlTokenKind.Comparison, 3),
            ('-', '>', '>') or ('#', '>', '>') => (SqlTokenKind.Operator, 3),
            ('<', '>', _) or ('!', '=', _) or ('<', '=', _) or ('>', '=', _) or ('=', '=', _) or ('!', '<', _) or ('!', '>', _) or ('^', '=', _) => (SqlTokenKind.Comparison, 2),
            ('|', '|', _) or ('&', '&', _) => (SqlTokenKind.Logical, 2),
            // PostgreSQL JSON predicates (containment, key existence, path match) test like comparisons do.
            ('@', '>', _) or ('<', '@', _) or ('?', '|', _) or ('?', '&', _) or ('@', '?', _) or ('@', '@', _) => (SqlTokenKind.Comparison, 2),
            (':', '=', _) or (':', ':', _) or ('<', '<', _) or ('>', '>', _) or ('-', '>', _) or ('#', '>', _) => (SqlTokenKind.Operator, 2),
            ('?', _, _) => (SqlTokenKind.Comparison, 1),
            ('@', _, _) => (SqlTokenKind.Operator, 1),
            ('=', _, _) or ('<', _, _) or ('>', _, _) => (SqlTokenKind.Comparison, 1),
            ('+', _, _) or ('-', _, _) or ('*', _, _) or ('/', _, _) or ('%', _, _) or ('^', _, _) or ('&', _, _) or ('|', _, _) or ('~', _, _) => (SqlTokenKind.Arithmetic, 1),
            ('!', _, _) => (SqlTokenKind.Operator, 1),
            _ => (SqlTokenKind.Other, 1),
        };

        _position = start + length;
        return new SqlToken(kind, start, length, Tag: c);
    }
}
