using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ServerlessShield.AzureFunctions;

// Sets a function's HTTP result, replacing whatever the function set. The HTTP output is either the invocation result
// ($return) or a named "http" output binding of a multi-output object; after the function ran, the worker has already
// moved such an object into the output bindings.
internal static class HttpResponseBinding
{
    public static void Set(FunctionContext functionContext, HttpResponseData response)
    {
        string? bindingName = null;
        foreach (var (name, binding) in functionContext.FunctionDefinition.OutputBindings)
        {
            if (string.Equals(binding.Type, "http", StringComparison.OrdinalIgnoreCase))
            {
                bindingName = name;
                break;
            }
        }

        if (bindingName is not null && bindingName != "$return")
        {
            foreach (var output in functionContext.GetOutputBindings<object>())
            {
                if (output.Name == bindingName)
                {
                    output.Value = response;
                    return;
                }
            }
        }

        functionContext.GetInvocationResult().Value = response;
    }
}
