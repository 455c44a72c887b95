using System.Text;

namespace ServerlessShield;

// A multipart/form-data body (RFC 7578): parts between boundary lines, each with its own headers (Content-Disposition
// names the field and, for a file, its file name) and content. The framing is not user text: its line breaks and
// header lines are what CRLF injection looks like. What a handler reads is each part's name, file name and content.
// Bare LF line endings are accepted as well as CRLF. One forward pass: every search starts where the last one ended.
internal static class MultipartFormData
{
    private const int MaxBoundaryLength = 70;

    /// <summary>One part: its field name, file name and content type (null when absent) and where its content lies.</summary>
    public readonly record struct Part(string? Name, string? FileName, string? ContentType, int ContentStart, int ContentLength);

    /// <summary>The boundary of a <c>multipart/form-data</c> content type, or null for any other content type.</summary>
    public static string? Boundary(string? contentType)
    {
        if (!HttpRequestParts.MediaType(contentType, out var parameters).Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = Parameter(parameters, "boundary");
        return value.Length is > 0 and <= MaxBoundaryLength ? value.ToString() : null;
    }

    /// <summary>The parts of <paramref name="body"/>, or null when no boundary line opens it (not multipart after all).</summary>
    public static List<Part>? Read(ReadOnlySpan<byte> body, string boundary)
    {
        Span<byte> delimiter = stackalloc byte[MaxBoundaryLength + 2];
        delimiter[0] = (byte)'-';
        delimiter[1] = (byte)'-';
        delimiter = delimiter[..(2 + Encoding.ASCII.GetBytes(boundary, delimiter[2..]))];

        var at = body.IndexOf(delimiter);
        if (at < 0)
        {
            return null;
        }

        var parts = new List<Part>();
        while (true)
        {
            var afterDelimiter = at + delimiter.Length;
            if (body[afterDelimiter..].StartsWith("--"u8))
            {
                return parts; // the close delimiter
            }

            var lineEnd = body[afterDelimiter..].IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                return parts;
            }

            var start = afterDelimiter + lineEnd + 1;
            var next = NextDelimiter(body, start, delimiter);
            var end = next < 0 ? body.Length : LineStart(body, next);
            parts.Add(ReadPart(body, start, end));
            if (next < 0)
            {
                return parts;
            }

            at = next;
        }
    }

    // The next delimiter that starts a line at or after start.
    private static int NextDelimiter(ReadOnlySpan<byte> body, int start, ReadOnlySpan<byte> delimiter)
    {
        for (var from = start; from < body.Length;)
        {
            var found = body[from..].IndexOf(delimiter);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            if (at > 0 && body[at - 1] == '\n')
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    // Where the line break before a delimiter starts: the content ends there.
    private static int LineStart(ReadOnlySpan<byte> body, int delimiter)
    {
        var end = delimiter - 1;
        return end > 0 && body[end - 1] == '\r' ? end - 1 : end;
    }

    private static Part ReadPart(ReadOnlySpan<byte> body, int start, int end)
    {
        var part = body[start..end];
        var (headersLength, contentOffset) = HeaderBlock(part);
        string? name = null, fileName = null, contentType = null;
        var headers = part[..headersLength];
        while (!headers.IsEmpty)
        {
            var newline = headers.IndexOf((byte)'\n');
            var line = (newline < 0 ? headers : headers[..newline]).TrimEnd((byte)'\r');
            headers = newline < 0 ? [] : headers[(newline + 1)..];
            const string Disposition = "content-disposition:", Type = "content-type:";
            if (line.Length > Disposition.Length && Ascii.EqualsIgnoreCase(line[..Disposition.Length], Disposition))
            {
                var parameters = Encoding.UTF8.GetString(line[Disposition.Length..]).AsSpan();
                name = NullIfEmpty(Parameter(parameters, "name"));
                fileName = NullIfEmpty(Parameter(parameters, "filename"));
            }
            else if (line.Length > Type.Length && Ascii.EqualsIgnoreCase(line[..Type.Length], Type))
            {
                contentType = NullIfEmpty(Encoding.UTF8.GetString(line[Type.Length..]).AsSpan().Trim());
            }
        }

        return new Part(name, fileName, contentType, start + contentOffset, Math.Max(0, end - start - contentOffset));
    }

    // The part's headers end at the first empty line; a part without one is all content.
    private static (int HeadersLength, int ContentOffset) HeaderBlock(ReadOnlySpan<byte> part)
    {
        if (part.StartsWith("\r\n"u8) || part.StartsWith("\n"u8))
        {
            return (0, part[0] == '\r' ? 2 : 1);
        }

        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] != '\n')
            {
                continue;
            }

            var next = i + 1;
            if (next < part.Length && part[next] == '\r')
            {
                next++;
            }

            if (next < part.Length && part[next] == '\n')
            {
                return (i, next + 1);
            }

            if (next >= part.Length)
            {
                return (i, part.Length);
            }
        }

        return (0, 0);
    }

    // name="value" or name=value among "; "-separated parameters, case-insensitive name.
    private static ReadOnlySpan<char> Parameter(ReadOnlySpan<char> parameters, string name)
    {
        while (!parameters.IsEmpty)
        {
            var semicolon = IndexOfUnquoted(parameters, ';');
            var parameter = (semicolon < 0 ? parameters : parameters[..semicolon]).Trim();
            parameters = semicolon < 0 ? [] : parameters[(semicolon + 1)..];
            var equals = parameter.IndexOf('=');
            if (equals > 0 && parameter[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var value = parameter[(equals + 1)..].Trim();
                return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
            }
        }

        return [];
    }

    private static int IndexOfUnquoted(ReadOnlySpan<char> text, char c)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == c && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    private static string? NullIfEmpty(ReadOnlySpan<char> value) => value.IsEmpty ? null : value.ToString();
}
