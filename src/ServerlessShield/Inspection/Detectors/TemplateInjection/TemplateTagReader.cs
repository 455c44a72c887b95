namespace ServerlessShield;

// Recognises the tag syntaxes of server-side template engines at a position and judges the tag:
//   {{ expr }}  {{#helper}} {{/helper}}      Jinja2, Twig, Django, Handlebars, Mustache, Nunjucks, Go, doT
//   {% stmt %}                               Jinja2, Twig, Django, Liquid, Tornado
//   ${ expr }  $!{ expr }  #{ expr }         EL, FreeMarker, Velocity, Mako, Groovy, Spring, Ruby, Pug
//   *{ } @{ } ~{ } [[ ]]  @( )               Thymeleaf, Razor
//   <%= expr %>  <% code %>  <%@ directive   ERB, EJS, JSP, ASP
//   <#directive  [#directive  #directive(    FreeMarker, Velocity
//   {$var}  {php}                            Smarty
// Read returns where scanning should continue: past the whole tag, so every character is judged once.
internal static class TemplateTagReader
{
    // The characters Read acts on; at any other it returns the next position.
    public static readonly System.Buffers.SearchValues<char> Openers = System.Buffers.SearchValues.Create("{$#*@~%[<");

    public static int Read(ReadOnlySpan<char> value, int i, out bool attack)
    {
        attack = false;
        var c = value[i];
        var next = i + 1 < value.Length ? value[i + 1] : '\0';
        switch (c)
        {
            case '{' when next == '{':
                return ReadMustache(value, i + 2, out attack);
            case '{' when next == '%':
                return ReadStatement(value, i + 2, out attack);
            case '{' when next == '$':
                return ReadExpression(value, i + 1, BalancedClose(value, i + 1), out attack);
            case '{' when LexChars.StartsWithIgnoreCase(value, i + 1, "php}") || LexChars.StartsWithIgnoreCase(value, i + 1, "/php}"):
                attack = true;
                return i + 1;
            case '{' when char.IsAsciiLetter(next) || char.IsAsciiDigit(next):
                attack = IsSmartyTag(value, i + 1);
                return i + 1;
            case '$' when next == '{':
                return ReadExpression(value, i + 2, BalancedClose(value, i + 2), out attack);
            case '$' when next == '!' && i + 2 < value.Length && value[i + 2] == '{':
                return ReadExpression(value, i + 3, BalancedClose(value, i + 3), out attack);
            case '#' or '*' or '@' or '~' or '%' when next == '{':
                // #{} EL and Ruby, *{} @{} ~{} Thymeleaf and Razor, %{} OGNL (Struts).
                return ReadExpression(value, i + 2, BalancedClose(value, i + 2), out attack);
            case '{' when next == '=':
                // {=expr}: Latte's print tag.
                return ReadExpression(value, i + 2, BalancedClose(value, i + 2), out attack);
            case '{' when next == '@' && i + 2 < value.Length && char.IsAsciiLetter(value[i + 2]):
                // {@math ...}, {@if cond=...}: Dust helpers are template logic.
                attack = TemplateKeywords.DustHelpers.Contains(ReadWord(value, i + 2));
                return i + 2;
            case '@' when (char.IsAsciiLetter(next) || next == '_') && (i == 0 || !LexChars.IsWordChar(value[i - 1])):
                // @System.Diagnostics.Process.Start("x"): a Razor implicit expression that calls something.
                attack = IsReferenceCall(value, i + 1, requireMember: false);
                return i + 1;
            case '@' when next == '(':
                return ReadExpression(value, i + 2, BalancedClose(value, i + 2, '(', ')'), out attack);
            case '[' when next == '[':
                return ReadExpression(value, i + 2, CloseOf(value, i + 2, "]]"), out attack);
            case '[' when next == '=':
                // [=expr]: FreeMarker's square-bracket interpolation.
                return ReadExpression(value, i + 2, BalancedClose(value, i + 2, '[', ']'), out attack);
            case '<' when next == '%':
                return ReadScriptlet(value, i + 2, out attack);
            case '<' or '[' when next == '#':
                attack = IsDirective(value, i + 2, TemplateKeywords.FreeMarkerDirectives, requireParenthesis: false);
                return i + 2;
            case '$' when char.IsAsciiLetter(next) || next == '_':
                attack = IsReferenceCall(value, i + 1, requireMember: true);
                return i + 1;
            case '#' when char.IsAsciiLetter(next):
                attack = IsDirective(value, i + 1, TemplateKeywords.VelocityDirectives, requireParenthesis: true);
                return i + 1;
            default:
                return i + 1;
        }
    }

    private static int ReadMustache(ReadOnlySpan<char> value, int start, out bool attack)
    {
        while (start < value.Length && value[start] == '{')
        {
            start++;
        }

        // {{#with ...}}, {{/each}}: Handlebars block helpers and Mustache sections are template logic.
        if (start < value.Length && value[start] is '#' or '/')
        {
            attack = TemplateKeywords.IsBlockHelperName(ReadWord(value, start + 1));
            if (attack)
            {
                return start;
            }
        }

        // {{= expr}}: doT and Underscore's interpolation prefix, not an assignment.
        if (start < value.Length && value[start] is '=' or '-' or '~')
        {
            start++;
        }

        return ReadExpression(value, start, CloseOf(value, start, "}}"), out attack);
    }

    private static int ReadStatement(ReadOnlySpan<char> value, int start, out bool attack)
    {
        if (start < value.Length && value[start] is '-' or '+' or '~')
        {
            start++;
        }

        var close = CloseOf(value, start, "%}");
        var content = value[start..close];
        attack = TemplateKeywords.StatementTags.Contains(ReadWord(content, LexChars.SkipSpaces(content, 0)))
            || TemplateExpression.IsSuspicious(content);
        return close;
    }

    private static int ReadScriptlet(ReadOnlySpan<char> value, int start, out bool attack)
    {
        attack = false;
        if (start >= value.Length)
        {
            return start;
        }

        switch (value[start])
        {
            // <%# comment %> and <%% (a literal "<%") are inert.
            case '#' or '%':
                return start;

            // <%@ page import=... %>, <%@ include %>: JSP directives.
            case '@':
                attack = TemplateKeywords.ScriptletWords.Contains(ReadWord(value, LexChars.SkipSpaces(value, start + 1)));
                return start;

            // <%= expr %>, <%- expr %>: output tags hold an expression.
            case '=' or '-':
                var outputStart = start + 1;
                while (outputStart < value.Length && value[outputStart] is '=' or '-')
                {
                    outputStart++;
                }

                return ReadExpression(value, outputStart, CloseOf(value, outputStart, "%>"), out attack);

            default:
                // <% code %>: a statement keyword, or code that calls or assigns.
                var close = CloseOf(value, start, "%>");
                var content = value[start..close];
                attack = (close < value.Length && TemplateKeywords.ScriptletWords.Contains(ReadWord(content, LexChars.SkipSpaces(content, 0))))
                    || TemplateExpression.IsSuspicious(content);
                return close;
        }
    }

    private static int ReadExpression(ReadOnlySpan<char> value, int start, int close, out bool attack)
    {
        attack = TemplateExpression.IsSuspicious(value[start..close]);
        return close;
    }

    // Single-brace tags of Smarty, Latte and friends: {system('id')}, {if phpinfo()}, or a tag that is nothing but
    // literal arithmetic ({7*7}). JSON, CSS and JSX braces never open straight onto these.
    private static bool IsSmartyTag(ReadOnlySpan<char> value, int start)
    {
        var word = ReadWord(value, start);
        var after = start + word.Length;
        if (word.SequenceEqual("if") && after < value.Length && value[after] == ' ')
        {
            after = LexChars.SkipSpaces(value, after);
            word = ReadWord(value, after);
            after += word.Length;
        }

        if (word.Length > 0 && !char.IsAsciiDigit(word[0]))
        {
            // {Smarty_Internal_Write_File::writeFile(...)}: a PHP static call straight inside the braces.
            if (after + 1 < value.Length && value[after] == ':' && value[after + 1] == ':')
            {
                var method = ReadWord(value, after + 2);
                var call = after + 2 + method.Length;
                return method.Length > 0 && call < value.Length && value[call] == '(';
            }

            return after < value.Length && value[after] == '(' && TemplateKeywords.PhpExecution.Contains(word);
        }

        var window = value.Slice(start, Math.Min(value.Length - start, 33));
        var close = window.IndexOf('}');
        return close > 0 && IsLiteralArithmetic(window[..close]);
    }

    // 7*7, 3 + 4: numbers joined by arithmetic operators and nothing else.
    private static bool IsLiteralArithmetic(ReadOnlySpan<char> content)
    {
        var operators = 0;
        var expectNumber = true;
        foreach (var c in content)
        {
            if (LexChars.IsSpace(c))
            {
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                expectNumber = false;
            }
            else if (c is '*' or '+' or '-' or '/' && !expectNumber)
            {
                operators++;
                expectNumber = true;
            }
            else
            {
                return false;
            }
        }

        return operators > 0 && !expectNumber && content.IndexOfAny('*', '+', '/') >= 0;
    }

    // $class.inspect("java.lang.Runtime"), $x.getClass() (Velocity), @System.IO.File.ReadAllText("x") (Razor): a
    // reference that calls a method, judged like an expression (so $scope.apply() in JavaScript stays clean).
    private static bool IsReferenceCall(ReadOnlySpan<char> value, int start, bool requireMember)
    {
        var end = start;
        var dots = 0;
        while (end < value.Length && (LexChars.IsWordChar(value[end]) || (value[end] == '.' && end + 1 < value.Length && LexChars.IsWordChar(value[end + 1]))))
        {
            dots += value[end] == '.' ? 1 : 0;
            end++;
        }

        return (dots > 0 || !requireMember) && end < value.Length && value[end] == '(' && TemplateExpression.IsSuspicious(value[start..end]);
    }

    // <#assign ...>, [#list ...], #set( ...: a directive name followed by its arguments.
    private static bool IsDirective(ReadOnlySpan<char> value, int start, AsciiWordSet directives, bool requireParenthesis)
    {
        var word = ReadWord(value, start);
        if (!directives.Contains(word))
        {
            return false;
        }

        var after = start + word.Length;
        if (requireParenthesis)
        {
            after = LexChars.SkipSpaces(value, after);
            return after < value.Length && value[after] == '(';
        }

        return after >= value.Length || LexChars.IsSpace(value[after]) || value[after] is '>' or ']' or '/';
    }

    // Index of the closing delimiter, or the end of the value when the tag is left open.
    private static int CloseOf(ReadOnlySpan<char> value, int start, string delimiter)
    {
        if (start >= value.Length)
        {
            return value.Length;
        }

        var found = value[start..].IndexOf(delimiter, StringComparison.Ordinal);
        return found < 0 ? value.Length : start + found;
    }

    // Index of the brace that closes an expression opened just before start, counting nested braces.
    private static int BalancedClose(ReadOnlySpan<char> value, int start, char open = '{', char close = '}')
    {
        var depth = 1;
        for (var i = start; i < value.Length; i++)
        {
            if (value[i] == open)
            {
                depth++;
            }
            else if (value[i] == close && --depth == 0)
            {
                return i;
            }
        }

        return value.Length;
    }

    private static ReadOnlySpan<char> ReadWord(ReadOnlySpan<char> value, int start)
    {
        var end = start;
        while (end < value.Length && LexChars.IsWordChar(value[end]))
        {
            end++;
        }

        return value[start..end];
    }
}
