namespace ServerlessShield;

/// <summary>
/// Tokenizes the tags of a markup-spelled value (see <see cref="MarkupText"/>) the way a lenient HTML parser does
/// and reports the first dangerous one: an element that runs or embeds active content (<c>script</c>, <c>iframe</c>,
/// <c>object</c>, <c>base</c>...), any element with an <c>on*</c> event-handler attribute, an attribute whose value is
/// a script URL or script-running CSS, a refreshing or cookie-setting <c>meta</c>, an imported <c>link</c>, or a
/// <c>style</c> element with script-running CSS. Each tag is read once, so the scan is linear.
/// </summary>
internal static class HtmlTagScanner
{
    private const int MaxTagName = 64;

    // Elements that run script, embed active content or redirect every relative URL on the page.
    private static readonly SortedWordSet ActiveElements = SortedWordSet.Parse(
        "script iframe frame frameset object embed applet base xml import bgsound layer ilayer " +
        "isindex vmlframe portal handler listener");

    // Elements user text never carries: document structure, raw-text and foreign (SVG, MathML) content that changes
    // how the rest of the page parses, legacy elements kept alive only by payload lists.
    private static readonly SortedWordSet StructureElements = SortedWordSet.Parse(
        "svg math html head style xmp plaintext noscript noembed noframes marquee keygen " +
        "feimage foreignobject animatetransform animatemotion stylesheet xsl:stylesheet comment");

    // Elements whose content is raw text (script or data) up to their closing tag.
    private static readonly SortedWordSet RawTextElements = SortedWordSet.Parse(
        "script style textarea title xmp noscript noembed noframes iframe template plaintext svg");

    private static readonly SortedWordSet ForeignPrefixes = SortedWordSet.Parse(
        "svg math xsl xml xhtml html v vml t xlink");

    // Elements that also name things in documentation ("cmd <input> <output>"): injected only when given attributes.
    // Media elements (video, audio, source, picture, track, canvas) are not among them: rich text embeds them with
    // attributes, and what makes them run script (a handler, a script URL) is judged per attribute anyway.
    private static readonly SortedWordSet FormAndMediaElements = SortedWordSet.Parse(
        "body form input textarea button select template image set " +
        "animate meta link dialog details label menu menuitem rect " +
        "path circle use a:link");

    // Namespaces whose elements or attributes a browser renders or runs: SVG, XHTML, XLink, MathML, XSLT, XML Events
    // (ev:handler), and Microsoft's VML and XSLT URNs.
    private static readonly string[] ActiveNamespaces =
    [
        "w3.org/2000/svg", "w3.org/1999/xhtml", "w3.org/1999/xlink", "w3.org/1998/math/mathml", "w3.org/1999/xsl/transform",
        "w3.org/2001/xml-events", "urn:schemas-microsoft-com",
    ];

    private static readonly System.Buffers.SearchValues<char> PlainCssChars = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t#%.,()-+'\";:!");

    private static readonly System.Buffers.SearchValues<char> CssNameChars = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-");

    public static bool AnyDangerousTag(ReadOnlySpan<char> text) => AnyDangerousTag(text, 0);

    // depth counts how far inside attribute values the scan has gone: markup in a value (probe="&lt;svg onload=...")
    // is parsed when the value is reflected, so it is scanned too, to a small depth.
    private static bool AnyDangerousTag(ReadOnlySpan<char> text, int depth)
    {
        var i = 0;
        while (i < text.Length)
        {
            var lt = text[i..].IndexOf('<');
            if (lt < 0)
            {
                return false;
            }

            lt += i;
            var p = lt + 1;
            var closing = p < text.Length && text[p] == '/';
            if (closing)
            {
                p++;
            }

            // <?import implementation=...>: IE's element import. <!--#exec ...-->: a server-side include.
            if (!closing && p < text.Length && text[p] == '?' && text[(p + 1)..].StartsWith("import", StringComparison.Ordinal))
            {
                return true;
            }

            if (!closing && text[p..].StartsWith("!--#", StringComparison.Ordinal) && IsServerSideInclude(text[(p + 4)..]))
            {
                return true;
            }

            // <!--[if IE]>: a conditional comment, which hides markup from everything but the targeted browser.
            if (!closing && text[p..].StartsWith("!--[if", StringComparison.Ordinal))
            {
                return true;
            }

            if (!closing && SpacedElementName(text, p))
            {
                return true;
            }

            var nameEnd = p;
            while (nameEnd < text.Length && nameEnd - p < MaxTagName && IsNameChar(text[nameEnd]))
            {
                nameEnd++;
            }

            var name = text[p..nameEnd];
            if (name.IsEmpty || !(char.IsAsciiLetter(name[0]) || name[0] == ':'))
            {
                i = lt + 1;
                continue;
            }

            // </script>, </style>, </textarea>...: closing a raw-text element ends the script or text block the value
            // was meant to stay inside.
            if (closing)
            {
                if (RawTextElements.Contains(name))
                {
                    return true;
                }

                i = lt + 1;
                continue;
            }

            // x:script, svg:svg, v:vmlframe: the local name decides. An element of the SVG, MathML, XSLT or IE XML
            // namespaces written with its prefix (svg:mask, xsl:template, xml:namespace) is foreign content too.
            var colon = name.LastIndexOf(':');
            var local = colon >= 0 ? name[(colon + 1)..] : name;
            if (colon > 0 && ForeignPrefixes.Contains(name[..colon]))
            {
                return true;
            }
            var boundary = nameEnd >= text.Length || !IsNameChar(text[nameEnd]);
            if (boundary && (ActiveElements.Contains(local) || (StructureElements.Contains(local) && !MentionedInProse(text, nameEnd))))
            {
                return true;
            }

            if (boundary && FormAndMediaElements.Contains(local) && HasAttribute(text, nameEnd))
            {
                return true;
            }

            if (ReadAttributes(text, nameEnd, local, depth, out var tagEnd))
            {
                return true;
            }

            if (local is "style" && StyleContentRunsScript(text, tagEnd))
            {
                return true;
            }

            i = Math.Max(tagEnd, lt + 1);
        }

        return false;
    }

    // Reads attributes up to the closing '>' (or the end of an unterminated tag) and judges each.
    private static bool ReadAttributes(ReadOnlySpan<char> text, int start, ReadOnlySpan<char> element, int depth, out int end)
    {
        var j = start;
        while (j < text.Length)
        {
            while (j < text.Length && (IsSeparator(text[j]) || text[j] == '/'))
            {
                j++;
            }

            if (j >= text.Length)
            {
                break;
            }

            if (text[j] == '>')
            {
                j++;
                break;
            }

            var nameStart = j;
            while (j < text.Length && !(IsSeparator(text[j]) || text[j] is '/' or '>' or '='))
            {
                j++;
            }

            if (j == nameStart)
            {
                j++; // a stray '=' where a name should be
                continue;
            }

            var name = text[nameStart..j];

            // An event handler, or an XLink attribute that switches the markup into XLink semantics (xlink:href=...).
            if (EventHandlerNames.IsHandlerAttribute(name) || name.StartsWith("xlink:", StringComparison.Ordinal))
            {
                end = j;
                return true;
            }

            var k = j;
            while (k < text.Length && IsSeparator(text[k]))
            {
                k++;
            }

            ReadOnlySpan<char> value = default;
            var quoted = false;
            if (k < text.Length && text[k] == '=')
            {
                k++;
                while (k < text.Length && IsSeparator(text[k]))
                {
                    k++;
                }

                if (k < text.Length && text[k] is '"' or '\'' or '`')
                {
                    var close = text[(k + 1)..].IndexOf(text[k]);
                    var valueEnd = close < 0 ? text.Length : k + 1 + close;
                    value = text[(k + 1)..valueEnd];
                    quoted = true;
                    j = Math.Min(valueEnd + 1, text.Length);
                }
                else
                {
                    var valueStart = k;
                    while (k < text.Length && !(IsSeparator(text[k]) || text[k] == '>'))
                    {
                        k++;
                    }

                    value = text[valueStart..k];
                    j = k;
                }
            }

            // A namespace declaration that switches the markup into SVG, XHTML, XLink, MathML, XSLT or VML, or one with
            // no URI at all (<html xmlns:x>, the old IE behaviour trick). Namespaced XML data (SOAP, Atom) is neither.
            if (name.StartsWith("xmlns:", StringComparison.Ordinal) && (value.IsEmpty || IsActiveNamespace(value)))
            {
                end = j;
                return true;
            }

            if (ValueIsDangerous(name, value, quoted, element) || (depth < 2 && value.Contains('<') && AnyDangerousTag(value, depth + 1)))
            {
                end = j;
                return true;
            }
        }

        end = j;
        return false;
    }

    private static bool IsActiveNamespace(ReadOnlySpan<char> uri)
    {
        foreach (var active in ActiveNamespaces)
        {
            if (uri.Contains(active, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ValueIsDangerous(ReadOnlySpan<char> name, ReadOnlySpan<char> value, bool quoted, ReadOnlySpan<char> element)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        if (ScriptUrl.Anywhere(WithoutComments(value)) || ObfuscatedAddressLink.Matches(value))
        {
            return true;
        }

        // Inline style is what rich-text editors and HTML e-mail are made of ("color: rgb(230, 0, 0); padding:8px").
        // It is an attack when it runs script (expression(), behavior, -moz-binding), lifts the element out of the flow
        // to overlay the page (position: fixed or absolute), or is anything but plain declarations: URLs, escapes,
        // comments, braces and entities are how CSS parsers are confused into ending the rule early.
        if (name.EndsWith("style", StringComparison.Ordinal))
        {
            return !IsPlainDeclarations(value) || CssScriptConstructs.Any(value);
        }

        // IE data binding (dataformatas=html) renders a data source as markup.
        if (name is "dataformatas" && value.Contains("html", StringComparison.Ordinal))
        {
            return true;
        }

        // [e]onerror=[f]: an unquoted value that carries a handler of its own (old IE parsed it as one).
        if (!quoted && value.Contains('=') && ContainsHandlerAssignment(value))
        {
            return true;
        }

        // A meta element that refreshes to another URL, sets a cookie or changes the page's policy.
        if (element is "meta" && name is "http-equiv")
        {
            return value is "refresh" or "set-cookie" or "link" or "content-security-policy";
        }

        return (element is "link" && name is "rel" && value.Contains("import", StringComparison.Ordinal))
            || (element is "meta" && name is "charset" && (value.Contains("utf-7", StringComparison.Ordinal) || value.Contains("utf7", StringComparison.Ordinal)));
    }

    // "name: value; name: value" with names of letters and dashes and values of words, numbers, colours, lists and
    // function calls such as rgb(...), without url(...), and nothing lifted out of the flow to overlay the page
    // (position: fixed or absolute).
    private static bool IsPlainDeclarations(ReadOnlySpan<char> css)
    {
        if (css.IndexOfAnyExcept(PlainCssChars) >= 0 || css.Contains("url(", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        while (!css.IsEmpty)
        {
            var semicolon = css.IndexOf(';');
            var declaration = (semicolon < 0 ? css : css[..semicolon]).Trim();
            css = semicolon < 0 ? [] : css[(semicolon + 1)..];
            if (declaration.IsEmpty)
            {
                continue;
            }

            var colon = declaration.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            var name = declaration[..colon].TrimEnd();
            var value = declaration[(colon + 1)..].TrimStart();
            if (value.Contains(':') || name.IndexOfAnyExcept(CssNameChars) >= 0
                || (name.EndsWith("position", StringComparison.OrdinalIgnoreCase)
                    && (value.StartsWith("fixed", StringComparison.OrdinalIgnoreCase) || value.StartsWith("absolute", StringComparison.OrdinalIgnoreCase))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsHandlerAssignment(ReadOnlySpan<char> value)
    {
        for (var i = value.IndexOf("on", StringComparison.Ordinal); i >= 0; i = NextOn(value, i))
        {
            if (i > 0 && char.IsAsciiLetter(value[i - 1]))
            {
                continue;
            }

            var end = i + 2;
            while (end < value.Length && char.IsAsciiLetter(value[end]))
            {
                end++;
            }

            if (end - i >= 5 && end < value.Length && value[end] == '=')
            {
                return true;
            }
        }

        return false;
    }

    private static int NextOn(ReadOnlySpan<char> value, int at)
    {
        var next = value[(at + 2)..].IndexOf("on", StringComparison.Ordinal);
        return next < 0 ? -1 : at + 2 + next;
    }

    // <style>...</style>: the element's text is CSS.
    private static bool StyleContentRunsScript(ReadOnlySpan<char> text, int contentStart)
    {
        if (contentStart >= text.Length)
        {
            return false;
        }

        var rest = text[contentStart..];
        var close = rest.IndexOf("</style", StringComparison.Ordinal);
        return CssScriptConstructs.Any(close < 0 ? rest : rest[..close]);
    }

    // javas<!-- -->cript: an HTML comment inside an attribute value of an XML data island.
    private static ReadOnlySpan<char> WithoutComments(ReadOnlySpan<char> value)
    {
        var open = value.IndexOf("<!--", StringComparison.Ordinal);
        if (open < 0)
        {
            return value;
        }

        var close = value[open..].IndexOf("-->", StringComparison.Ordinal);
        if (close < 0)
        {
            return value;
        }

        var joined = new char[value.Length - close - 3];
        value[..open].CopyTo(joined);
        value[(open + close + 3)..].CopyTo(joined.AsSpan(open));
        return joined;
    }

    // <f o r m, <s c r i p t: an element name spelled one letter at a time to slip past keyword filters.
    private static bool SpacedElementName(ReadOnlySpan<char> text, int p)
    {
        Span<char> joined = stackalloc char[16];
        var length = 0;
        var i = p;
        while (i < text.Length && char.IsAsciiLetter(text[i]) && length < joined.Length)
        {
            joined[length++] = text[i];
            if (i + 2 < text.Length && text[i + 1] == ' ' && char.IsAsciiLetter(text[i + 2]))
            {
                i += 2;
                continue;
            }

            i++;
            break;
        }

        if (length < 3 || (i < text.Length && char.IsAsciiLetterOrDigit(text[i])))
        {
            return false;
        }

        var name = joined[..length];
        return i - p == (2 * length) - 1 && (ActiveElements.Contains(name) || StructureElements.Contains(name) || FormAndMediaElements.Contains(name));
    }

    // "<style> is not allowed in emails": a bare tag followed by a sentence names the element rather than injects it.
    private static bool MentionedInProse(ReadOnlySpan<char> text, int nameEnd)
    {
        if (nameEnd >= text.Length || text[nameEnd] != '>')
        {
            return false;
        }

        var words = 0;
        var i = nameEnd + 1;
        while (words < 2)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            if (i == start || i - start > 20 || (i < text.Length && text[i] is not (' ' or ',' or '.')))
            {
                return false;
            }

            words++;
        }

        return true;
    }

    // <input name=x>: an attribute name after the element name, before the tag closes.
    private static bool HasAttribute(ReadOnlySpan<char> text, int nameEnd)
    {
        var i = nameEnd;
        while (i < text.Length && (IsSeparator(text[i]) || text[i] == '/'))
        {
            i++;
        }

        return i > nameEnd && i < text.Length && char.IsAsciiLetter(text[i]);
    }

    private static bool IsServerSideInclude(ReadOnlySpan<char> directive) =>
        directive.StartsWith("exec", StringComparison.Ordinal) || directive.StartsWith("include", StringComparison.Ordinal)
        || directive.StartsWith("echo", StringComparison.Ordinal) || directive.StartsWith("set", StringComparison.Ordinal)
        || directive.StartsWith("config", StringComparison.Ordinal) || directive.StartsWith("printenv", StringComparison.Ordinal)
        || directive.StartsWith("fsize", StringComparison.Ordinal) || directive.StartsWith("flastmod", StringComparison.Ordinal);

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' || c > '\u007F';

    // Whitespace, and the control characters some browsers accept between attributes.
    // '+' too: form encoding turns blanks into '+', and the payload assumes the server turns them back.
    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '+' || ScriptUrl.IsIgnorable(c);
}
