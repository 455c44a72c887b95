namespace ServerlessShield;

// A JSON path pattern: literal segments, '*' for any one key, '[*]' for any array index. Matching walks both
// strings once, so it costs the length of the path.
internal sealed class FieldPattern(string pattern)
{
    public string Pattern { get; } = pattern;

    public bool IsMatch(ReadOnlySpan<char> path)
    {
        var p = Pattern.AsSpan();
        int i = 0, j = 0;
        while (i < p.Length)
        {
            if (p[i..].StartsWith("[*]", StringComparison.Ordinal))
            {
                if (j >= path.Length || path[j] != '[')
                {
                    return false;
                }

                var close = path[j..].IndexOf(']');
                if (close < 0)
                {
                    return false;
                }

                i += 3;
                j += close + 1;
            }
            else if (p[i] == '*')
            {
                // One key: everything up to the next '.' or '['.
                var end = path[j..].IndexOfAny('.', '[');
                j = end < 0 ? path.Length : j + end;
                i++;
            }
            else
            {
                if (j >= path.Length || path[j] != p[i])
                {
                    return false;
                }

                i++;
                j++;
            }
        }

        return j == path.Length;
    }
}
