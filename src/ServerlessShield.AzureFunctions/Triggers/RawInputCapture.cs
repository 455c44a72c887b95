using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions;

// The sources the worker's input conversion saw during one invocation, in order: what the host sent for each
// parameter before it became the function's type (a JSON string before a POCO, bytes before a Stream). Only
// shielded invocations carry one, so the converter costs other functions a dictionary lookup.
internal sealed class RawInputCapture
{
    // A private key object: no string key of user code can collide with it.
    private static readonly object ItemKey = new();

    private readonly List<(Type Target, object? Source)> _sources = [];

    public static RawInputCapture Start(FunctionContext context)
    {
        var capture = new RawInputCapture();
        context.Items[ItemKey] = capture;
        return capture;
    }

    public static RawInputCapture? Of(FunctionContext context) =>
        context.Items.TryGetValue(ItemKey, out var capture) ? capture as RawInputCapture : null;

    public static void Stop(FunctionContext context) => context.Items.Remove(ItemKey);

    public void Add(Type target, object? source) => _sources.Add((target, source));

    // The converter context names no parameter, so the source of parameter i is found by its type: the n-th capture of
    // that type belongs to the n-th parameter of that type (the worker binds parameters in order).
    public bool TryGetSource(FunctionDefinition definition, int parameterIndex, out object? source)
    {
        source = null;
        var parameters = definition.Parameters;
        var type = parameters[parameterIndex].Type;
        var ordinal = 0;
        for (var i = 0; i < parameterIndex; i++)
        {
            if (parameters[i].Type == type)
            {
                ordinal++;
            }
        }

        foreach (var (target, captured) in _sources)
        {
            if (target == type && ordinal-- == 0)
            {
                source = captured;
                return captured is not null;
            }
        }

        return false;
    }
}
