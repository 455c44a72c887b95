namespace ServerlessShield;

/// <summary>
/// Markup injected without a tag of its own: an event-handler attribute after a quote or blank that closes the
/// attribute the value lands in (<c>" onmouseover=alert(1) x="</c>), and a script URL given where a link or
/// redirect target goes (<c>javascript:alert(1)</c>, <c>?next=vbscript:msgbox</c>). A handler needs a real DOM event
/// name or a script-looking value; a script URL followed by a run of plain words is prose about JavaScript.
/// </summary>
internal static class AttributeBreakout
{
    public static bool HasEventHandler(ReadOnlySpan<char> text)
    {
        // A handler is an assignment: no '=', no handler.
        if (DetectorShortcuts.Enabled && !text.Contains('='))
        {
            return false;
        }

        for (var at = text.IndexOf("on", StringComparison.Ordinal); at >= 0; at = Next(text, at))
        {
            if (at > 0 && !(text[at - 1] is ' ' or '"' or '\'' or '`' or '/' or ';' or '\t' or '\n' or '\r' || ScriptUrl.IsIgnorable(text[at - 1])))
            {
                continue;
            }

            var nameEnd = at + 2;
            while (nameEnd < text.Length && char.IsAsciiLetter(text[nameEnd]) && nameEnd - at < 64)
            {
                nameEnd++;
            }

            var equals = nameEnd;
            while (equals < text.Length && text[equals] is ' ' or '\t')
            {
                equals++;
            }

            if (nameEnd - at < 5 || equals >= text.Length || text[equals] != '=')
            {
                continue;
            }

            // A real event name, a script-looking value, or any on* name after a blank with a value following
            // (CRS-style probes use made-up names: onabcdefgh=).
            var value = equals + 1 < text.Length ? text[(equals + 1)..] : default;
            if (EventHandlerNames.IsEvent(text[(at + 2)..nameEnd]) || LooksLikeScript(value)
                || (at > 0 && text[at - 1] == ' ' && nameEnd - at <= 34 && !value.IsEmpty && value[0] != '=' && !EventHandlerNames.IsOrdinaryOnWord(text[at..nameEnd])))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasScriptUrl(ReadOnlySpan<char> text)
    {
        // Every script URL has its scheme's colon, right after the scheme's last letter.
        if (DetectorShortcuts.Enabled && !ScriptUrl.MayEndAScheme(text))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('j' or 'v' or 'l' or 'm' or 'e' or 'd') || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                continue;
            }

            if (ScriptUrl.StartsAt(text, i, out var end) && !ContinuesAsProse(text, end))
            {
                return true;
            }
        }

        return false;
    }

    // alert(1), eval(...), `...`: a handler value that calls something.
    private static bool LooksLikeScript(ReadOnlySpan<char> value)
    {
        var trimmed = value.TrimStart(" \t\"'");
        var end = trimmed.IndexOfAny(' ', '>', '"');
        var token = end < 0 ? trimmed : trimmed[..end];
        return token.IndexOfAny('(', '`') > 0 || token.StartsWith("javascript:", StringComparison.Ordinal);
    }

    // "JavaScript: the good parts": a colon followed by a blank and two plain words.
    private static bool ContinuesAsProse(ReadOnlySpan<char> text, int afterColon)
    {
        if (afterColon >= text.Length || text[afterColon] != ' ')
        {
            return false;
        }

        var words = 0;
        var i = afterColon;
        while (i < text.Length && words < 2)
        {
            while (i < text.Length && text[i] is ' ' or ',' or '.')
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            if (i == start || (i < text.Length && text[i] is not (' ' or ',' or '.')))
            {
                return false;
            }

            words++;
        }

        return words == 2;
    }

    private static int Next(ReadOnlySpan<char> text, int at)
    {
        var next = text[(at + 2)..].IndexOf("on", StringComparison.Ordinal);
        return next < 0 ? -1 : at + 2 + next;
    }
}
