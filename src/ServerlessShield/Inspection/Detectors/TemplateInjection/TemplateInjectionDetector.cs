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

        var i = 0;
        while (i < value.Length - 1)
        {
            var next = TemplateTagReader.Read(value, i, out var attack);
            if (attack)
            {
                return true;
            }

            i = Math.Max(next, i + 1);
        }

        return false;
    }
}
