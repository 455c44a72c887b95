namespace ServerlessShield.AzureFunctions;

// The parameter names of an HTTP trigger's route template ("orders/{id:int}/{*rest}" has id and rest). The host sends
// each route value as trigger metadata under its name.
internal static class RouteTemplate
{
    public static IReadOnlyList<string> ParameterNames(string? template)
    {
        if (string.IsNullOrEmpty(template))
        {
            return [];
        }

        var names = new List<string>();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                break;
            }

            if (open + 1 < template.Length && template[open + 1] == '{')
            {
                // "{{" is a literal brace.
                i = open + 2;
                continue;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var name = template.AsSpan(open + 1, close - open - 1).TrimStart('*');
            var end = name.IndexOfAny(":=?");
            if (end >= 0)
            {
                name = name[..end];
            }

            if (!name.IsEmpty)
            {
                names.Add(name.ToString());
            }

            i = close + 1;
        }

        return names;
    }
}
