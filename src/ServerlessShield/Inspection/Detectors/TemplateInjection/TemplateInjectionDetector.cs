namespace ServerlessShield;

// Server-side template injection: a template tag of some engine (see TemplateTagReader) whose content does more
// than print a variable (see TemplateExpression), or a statement, directive or block helper of the engine.
// Plain interpolations such as {{username}}, #{name} or <%=title%> appear in ordinary data and are left alone.
internal sealed class TemplateInjectionDetector : IInjectionDetector
{
    public ShieldRule Rule => ShieldRules.TemplateInjection;

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny("{%#[(") < 0)
        {
            return false;
        }

        // A tag opens only at one of these characters: the scan jumps from one to the next.
        var i = value.IndexOfAny(TemplateTagReader.Openers);
        while (i >= 0 && i < value.Length - 1)
        {
            var next = TemplateTagReader.Read(value, i, out var attack);
            if (attack)
            {
                return true;
            }

            i = LexChars.IndexOfAnyFrom(value, Math.Max(next, i + 1), TemplateTagReader.Openers);
        }

        return false;
    }
}
