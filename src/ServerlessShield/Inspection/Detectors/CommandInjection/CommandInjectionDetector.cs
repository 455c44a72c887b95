using System.Buffers;

namespace ServerlessShield;

/// <summary>
/// Flags OS command injection: a shell-normalised value (<see cref="ShellText"/>) is walked for command positions
/// (the start, after <c>; | &amp; &amp;&amp; || </c> or a line break, inside <c>$( )</c>, backticks and process
/// substitutions) and each is judged by <see cref="InjectedCommandLine"/>; calls that pass a string to a shell
/// (<see cref="CodeExecutionCall"/>) are checked too. Backtick spans inside prose are code samples, not substitutions.
/// </summary>
internal sealed class CommandInjectionDetector : IInjectionDetector
{
    private static readonly SearchValues<char> CommandOpeners = SearchValues.Create("=;\n\r|&`(");

    public ShieldRule Rule => ShieldRules.CommandInjection;

    // ShellText writes the buffer before exposing it: no need to zero it on every call.
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public bool IsMatch(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        Span<char> stack = stackalloc char[ShellText.StackBufferSize];
        using var shell = new ShellText(value, stack);
        var text = shell.Text;
        if (InjectedCommandLine.StartsAt(text, 0, CommandPosition.ValueStart) || CodeExecutionCall.Any(text) || ShellAttackIdioms.Any(text))
        {
            return true;
        }

        // Only these characters open a command position below; most values have none of them.
        var first = text.IndexOfAny(CommandOpeners);
        if (first < 0)
        {
            return false;
        }

        // Whether the value reads as prose changes how a position is judged; it is worked out once, when needed.
        bool? prose = null;
        CommandPosition? chained = null;
        var inBackticks = false;

        // The backticks of a run that is not a code fence all fail the fence test the same way: it is made once per run.
        var noFenceThrough = -1;
        // Only the openers are acted on: the loop jumps from one to the next.
        for (var i = first; i >= 0 && i < text.Length; i = LexChars.IndexOfAnyFrom(text, i + 1, CommandOpeners))
        {
            var c = text[i];
            switch (c)
            {
                case '=':
                    // A parameter or attribute value (cmd=whoami, probe="id") is a value of its own.
                    var valueStart = i + 1 < text.Length && text[i + 1] is '"' or '\'' ? i + 2 : i + 1;
                    if (valueStart < text.Length && text[valueStart] != '=' && ParameterValue.StartsAt(text, i)
                        && InjectedCommandLine.StartsAt(text, valueStart, CommandPosition.ValueStart))
                    {
                        return true;
                    }

                    break;

                case ';' or '\n' or '\r':
                    if (!InjectedCommandLine.HoldsPlainNonCommandWord(text, i + 1) && InjectedCommandLine.StartsAt(text, i + 1, chained ??= ChainedPosition(text)))
                    {
                        return true;
                    }

                    break;

                case '|' or '&':
                    // ||, &&, |&, &| are one operator.
                    if (i + 1 < text.Length && text[i + 1] is '|' or '&')
                    {
                        i++;
                    }

                    if (!InjectedCommandLine.HoldsPlainNonCommandWord(text, i + 1) && InjectedCommandLine.StartsAt(text, i + 1, chained ??= ChainedPosition(text)))
                    {
                        return true;
                    }

                    break;

                case '`':
                    if (i > noFenceThrough)
                    {
                        if (MarkdownCodeSpans.TrySkipFence(text, i, out var fenceEnd))
                        {
                            i = fenceEnd;
                            break;
                        }

                        noFenceThrough = fenceEnd;
                    }

                    if (inBackticks)
                    {
                        inBackticks = false;
                        break;
                    }

                    if ((prose ??= MarkdownCodeSpans.IsProse(text)) && MarkdownCodeSpans.TrySkip(text, i, out var spanEnd))
                    {
                        i = spanEnd;
                        break;
                    }

                    inBackticks = true;
                    if (InjectedCommandLine.StartsAt(text, i + 1, CommandPosition.Substitution))
                    {
                        return true;
                    }

                    break;

                case '(':
                    // $( ), <( ), >( ) substitute a command's output; a ( after a separator opens a subshell.
                    if (i > 0 && text[i - 1] is '$' or '<' or '>' && !(i + 1 < text.Length && text[i + 1] == '('))
                    {
                        if (InjectedCommandLine.StartsAt(text, i + 1, CommandPosition.Substitution))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    private static CommandPosition ChainedPosition(ReadOnlySpan<char> text) =>
        ParameterValue.ReadsAsProse(text) ? CommandPosition.AfterSeparatorInProse : CommandPosition.AfterSeparator;
}
