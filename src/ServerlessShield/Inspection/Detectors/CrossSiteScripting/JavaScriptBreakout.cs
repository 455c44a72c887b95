using System.Buffers;

namespace ServerlessShield;

/// <summary>
/// Script injected into a JavaScript context rather than markup: a call of a dialog or evaluation sink
/// (<c>alert(1)</c>, <c>'-prompt(1)-'</c>, <c>";eval(atob(...))//</c>), sink lookups through a global object
/// (<c>window["alert"]</c>, <c>top[/**/'al'+'ert']</c>), sinks passed to tagged templates (<c>`${alert}`</c>),
/// <c>String.fromCharCode</c> and <c>document.write</c> calls, AngularJS sandbox escapes
/// (<c>constructor.constructor(</c>), and JSFuck. The text is already lower-cased; JavaScript comments and blanks
/// between tokens are skipped.
/// </summary>
internal static class JavaScriptBreakout
{
    private const int MinJsFuckRun = 12;

    // Sinks whose mere call is the XSS proof every payload list uses.
    private static readonly string[] DialogSinks = ["alert", "prompt", "confirm", "print"];

    // Sinks that evaluate a string: a suspicious argument makes the call an injection.
    private static readonly string[] EvaluationSinks = ["eval", "settimeout", "setinterval", "execscript", "function"];

    // Decoders payloads wrap their code in; CRS and payload lists probe with them bare.
    private static readonly string[] DecoderCalls = ["atob(", "btoa("];

    // The dialog sinks passed around as values (print is Python's too, and is not).
    private static readonly SubstringFinder ReferencedSinks = new(StringComparison.Ordinal, "alert", "prompt", "confirm");

    // Where a name of the three lists above starts.
    private static readonly SubstringFinder SinkNames = new(StringComparison.Ordinal, [.. DialogSinks, .. DecoderCalls, .. EvaluationSinks]);

    private static readonly string[] GlobalObjects = ["window", "self", "top", "parent", "this", "globalthis", "frames", "document", "content"];

    private static readonly SubstringFinder GlobalObjectNames = new(StringComparison.Ordinal, GlobalObjects);

    // '+' alone is no syntax here: it only counts in the UTF-7 marker "+adw-" and next to '[' in JSFuck.
    private static readonly SearchValues<char> CodeSyntax = SearchValues.Create("(=[{`");

    private static readonly MarkerSet Markers = new(
        "(=$+",
        StringComparison.Ordinal,
        "string.fromcharcode(", "document.write(", "document.writeln(", "constructor.constructor(", "constructor(\"alert", "constructor('alert",
        "${alert}", "${eval}", "${prompt}", "${confirm}", ".innerhtml=", "document.location=", "location.href=", "window.location=",
        "location=\"javascript", "location='javascript", "execcommand(", "createelement(\"script\")", "createelement('script')",
        "import(\"data:", "import('data:", "importscripts(", "srcdoc=", "new function(", "+adw-",
        "appendchild(document.createelement(");

    public static bool Any(ReadOnlySpan<char> text)
    {
        // Every marker, call, lookup, template and assignment below needs one of these (or the UTF-7 marker); prose has none.
        if (DetectorShortcuts.Enabled && text.IndexOfAny(CodeSyntax) < 0 && !text.Contains("+adw-", StringComparison.Ordinal))
        {
            return HasObscuredCookieAccess(text);
        }

        return Markers.ContainsAny(text) || HasSinkCall(text) || HasSinkReference(text) || HasGlobalSinkLookup(text) || HasJsFuck(text) || HasSinkInTemplate(text)
            || HasObscuredCookieAccess(text) || HasLocationAssignment(text);
    }

    // alert(1), prompt`1`, eval('...'), setTimeout("...") with an identifier boundary before the sink.
    private static bool HasSinkCall(ReadOnlySpan<char> text)
    {
        var sinks = SinkNames.Over(text);
        for (var i = sinks.IndexFrom(0); i >= 0; i = sinks.IndexFrom(i + 1))
        {
            if (i > 0 && IsIdentifierChar(text[i - 1]) && !(text[i - 1] is '.' && IsGlobalBefore(text, i - 1)))
            {
                continue;
            }

            foreach (var sink in DialogSinks)
            {
                if (text[i..].StartsWith(sink, StringComparison.Ordinal))
                {
                    // The call follows the name directly (a comment may sit between); prose puts a blank there
                    // ("please confirm (yes or no)"). print( is only a sink after a breakout: it is Python's too.
                    var open = SkipComments(text, i + sink.Length);
                    if (open < text.Length && text[open] is '(' or '`' && (sink is not "print" || PrecededByBreakout(text, i)))
                    {
                        return true;
                    }
                }
            }

            foreach (var decoder in DecoderCalls)
            {
                if (text[i..].StartsWith(decoder, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var sink in EvaluationSinks)
            {
                if (text[i..].StartsWith(sink, StringComparison.Ordinal))
                {
                    var open = SkipTrivia(text, i + sink.Length);
                    if (open < text.Length && text[open] == '(' && (sink is "eval" || SuspiciousArgument(text, SkipTrivia(text, open + 1))))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // ", ', ;, ) or an operator right before the sink: the value closed a string or statement to reach it.
    private static bool PrecededByBreakout(ReadOnlySpan<char> text, int sink)
    {
        var i = sink - 1;
        while (i >= 0 && text[i] is ' ')
        {
            i--;
        }

        return i >= 0 && text[i] is '"' or '\'' or ';' or '-' or '+' or '|' or '&' or '>';
    }

    // A string, a decoder or a value an attacker controls, as an argument to an evaluating sink.
    private static bool SuspiciousArgument(ReadOnlySpan<char> text, int at)
    {
        if (at >= text.Length)
        {
            return false;
        }

        if (text[at] is '"' or '\'' or '`')
        {
            return true;
        }

        var rest = text[at..];
        foreach (var source in (ReadOnlySpan<string>)["atob(", "unescape(", "decodeuri", "string.fromcharcode", "location", "name", "document.", "window.", "top.", "self.", "this.", "alert"])
        {
            if (rest.StartsWith(source, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // window["alert"], self[/*x*/'al'+'ert'], top['eval']: a sink fetched by name from a global object.
    private static bool HasGlobalSinkLookup(ReadOnlySpan<char> text)
    {
        // Every lookup below is a computed member: no '[', no lookup.
        if (DetectorShortcuts.Enabled && !text.Contains('['))
        {
            return false;
        }

        var globals = GlobalObjectNames.Over(text);
        for (var at = globals.IndexFrom(0); at >= 0; at = globals.IndexFrom(at + 1))
        {
            if (at > 0 && IsIdentifierChar(text[at - 1]))
            {
                continue;
            }

            // No global object's name begins another's: one name starts here.
            var open = SkipTrivia(text, at + GlobalObjectNames.FirstAt(text, at)!.Length);
            if (open < text.Length && text[open] == '[')
            {
                // window["alert"], or top[/al/.source+/ert/.source](1): a computed member that is called.
                var key = SkipTrivia(text, open + 1);
                if (key < text.Length && text[key] is '"' or '\'' or '`')
                {
                    return true;
                }

                var close = text[open..Math.Min(text.Length, open + 64)].IndexOf(']');
                if (close > 0 && open + close + 1 < text.Length && text[open + close + 1] is '(' or '`')
                {
                    return true;
                }
            }
        }

        return false;
    }

    // document/**/.cookie, document . cookie, (document)["cookie"]: the cookie read through comments, blanks or a
    // computed member, which only obfuscation needs (plain document.cookie is also what documentation mentions).
    private static bool HasObscuredCookieAccess(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf("cookie", StringComparison.Ordinal); at >= 0; at = Next(text, at, "cookie"))
        {
            var j = SkipTriviaBackward(text, at - 1);
            var obscured = j != at - 1;
            if (j >= 0 && text[j] is '"' or '\'')
            {
                j = SkipTriviaBackward(text, j - 1);
                if (j < 0 || text[j] != '[')
                {
                    continue;
                }

                obscured = true;
            }
            else if (j < 0 || text[j] != '.')
            {
                continue;
            }

            var k = SkipTriviaBackward(text, j - 1);
            obscured |= k != j - 1;
            if (k >= 0 && text[k] == ')')
            {
                k = SkipTriviaBackward(text, k - 1);
            }

            if (obscured && k >= 7 && text[..(k + 1)].EndsWith("document", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Moves left over blanks and /* comments */; returns the index of the first other character (or -1).
    private static int SkipTriviaBackward(ReadOnlySpan<char> text, int i)
    {
        var guard = 0;
        while (i >= 0 && guard++ < 32)
        {
            if (text[i] == ' ')
            {
                i--;
                continue;
            }

            if (text[i] == '/' && i > 0 && text[i - 1] == '*')
            {
                var open = LastCommentOpen(text, i - 1);
                if (open < 0)
                {
                    return i;
                }

                i = open - 1;
                continue;
            }

            break;
        }

        return i;
    }

    // location="http://...", top.location='...': navigation by assigning a string to location.
    private static bool HasLocationAssignment(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf("location", StringComparison.Ordinal); at >= 0; at = Next(text, at, "location"))
        {
            if (at > 0 && char.IsAsciiLetterOrDigit(text[at - 1]))
            {
                continue;
            }

            var equals = at + "location".Length;
            if (text[equals..].StartsWith(".href", StringComparison.Ordinal))
            {
                equals += ".href".Length;
            }

            if (equals + 1 < text.Length && text[equals] == '=' && text[equals + 1] is '"' or '\'' or '`')
            {
                return true;
            }
        }

        return false;
    }

    // JSFuck: script written only with []()!+ (blanks tolerated, '+' may have become a space in transit), with the
    // ![] and +[] atoms that make it up.
    private static bool HasJsFuck(ReadOnlySpan<char> text)
    {
        // Two atoms ('!' or '+' before a '[') are needed: text without either sign has none.
        if (DetectorShortcuts.Enabled && text.IndexOfAny('!', '+') < 0)
        {
            return false;
        }

        var run = 0;
        var brackets = 0;
        var atoms = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '[' or ']' or '(' or ')' or '!' or '+' or ' ')
            {
                run++;
                brackets += c is '[' or ']' ? 1 : 0;
                atoms += c is '!' or '+' && text[(i + 1)..].TrimStart(' ').StartsWith("[", StringComparison.Ordinal) ? 1 : 0;
                if (run >= MinJsFuckRun && brackets >= MinJsFuckRun / 2 && atoms >= 2)
                {
                    return true;
                }

                continue;
            }

            run = brackets = atoms = 0;
        }

        return false;
    }

    // [1].find(alert), a=alert,a(1), (alert)(1): a dialog sink passed around as a function value.
    private static bool HasSinkReference(ReadOnlySpan<char> text)
    {
        var sinks = ReferencedSinks.Over(text);
        for (var at = sinks.IndexFrom(0); at >= 0; at = sinks.IndexFrom(at + 1))
        {
            var end = at + ReferencedSinks.FirstAt(text, at)!.Length;
            if (at == 0 || end >= text.Length || IsIdentifierChar(text[at - 1]) || IsIdentifierChar(text[end]))
            {
                continue;
            }

            var before = text[at - 1];
            var after = text[end];
            if ((before == '(' && at >= 2 && IsIdentifierChar(text[at - 2]) && after is ')' or ',')
                || (before == '(' && after == ')' && end + 1 < text.Length && text[end + 1] == '(')
                || (before == '=' && after is ',' or ';'))
            {
                return true;
            }
        }

        return false;
    }

    // `${alert}`, ` ${ eval } `: a sink interpolated into a tagged template, which calls it.
    private static bool HasSinkInTemplate(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf("${", StringComparison.Ordinal); at >= 0; at = Next(text, at, "${"))
        {
            var i = SkipTrivia(text, at + 2);
            foreach (var sink in (ReadOnlySpan<string>)["alert", "eval", "prompt", "confirm", "function"])
            {
                if (text[i..].StartsWith(sink, StringComparison.Ordinal))
                {
                    var close = SkipTrivia(text, i + sink.Length);
                    if (close < text.Length && text[close] == '}')
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsGlobalBefore(ReadOnlySpan<char> text, int dot)
    {
        foreach (var global in GlobalObjects)
        {
            if (dot >= global.Length && text[..dot].EndsWith(global, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipComments(ReadOnlySpan<char> text, int i)
    {
        while (i + 1 < text.Length && text[i] == '/' && text[i + 1] == '*')
        {
            var close = CommentClose(text, i + 2);
            if (close < 0)
            {
                return i;
            }

            i += close + 4;
        }

        return i;
    }

    // Where the "*/" of a comment whose content starts at `start` begins, relative to start, or -1 when it is not within
    // 64 characters: a longer comment is not skipped. The search stops there, so many unclosed "/*" stay linear.
    private static int CommentClose(ReadOnlySpan<char> text, int start) =>
        start >= text.Length ? -1 : text.Slice(start, Math.Min(66, text.Length - start)).IndexOf("*/", StringComparison.Ordinal);

    // The "/*" of a comment that ends with the '*' at `star`, at most 64 characters back, or -1.
    private static int LastCommentOpen(ReadOnlySpan<char> text, int star)
    {
        var from = Math.Max(0, star - 63);
        var open = text[from..star].LastIndexOf("/*", StringComparison.Ordinal);
        return open < 0 ? -1 : from + open;
    }

    // Blanks and /* comments */ between tokens.
    private static int SkipTrivia(ReadOnlySpan<char> text, int i)
    {
        var guard = 0;
        while (i < text.Length && guard++ < 16)
        {
            if (text[i] is ' ' or '\t' or '\n' or '\r')
            {
                i++;
                continue;
            }

            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = CommentClose(text, i + 2);
                if (close < 0)
                {
                    return i;
                }

                i += close + 4;
                continue;
            }

            break;
        }

        return i;
    }

    private static int Next(ReadOnlySpan<char> text, int at, string word)
    {
        var next = text[(at + 1)..].IndexOf(word, StringComparison.Ordinal);
        return next < 0 ? -1 : at + 1 + next;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '.';
}
