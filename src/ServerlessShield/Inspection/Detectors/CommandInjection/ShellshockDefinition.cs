namespace ServerlessShield;

/// <summary>A bash function definition that opens with <c>() {</c> and a no-op, the Shellshock (CVE-2014-6271) preamble, or a fork bomb.</summary>
internal static class ShellshockDefinition
{
    public static bool StartsAt(ReadOnlySpan<char> text, int position)
    {
        var rest = text[position..];
        if (!rest.StartsWith("()", StringComparison.Ordinal))
        {
            return false;
        }

        var i = 2;
        while (i < rest.Length && rest[i] == ' ')
        {
            i++;
        }

        if (i >= rest.Length || rest[i] != '{')
        {
            return false;
        }

        i++;
        while (i < rest.Length && rest[i] == ' ')
        {
            i++;
        }

        return i < rest.Length && rest[i] == ':';
    }
}
