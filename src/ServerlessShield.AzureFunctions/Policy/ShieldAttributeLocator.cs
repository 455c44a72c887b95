using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;

namespace ServerlessShield.AzureFunctions;

// Finds the [Shield] attribute of a function from the worker's metadata (EntryPoint "Namespace.Type.Method" and
// PathToAssembly), the way the worker itself locates the method it invokes. The worker has no public MethodInfo.
internal static class ShieldAttributeLocator
{
    private const string FunctionAttributeName = "FunctionAttribute";
    private const string HttpTriggerAttributeName = "HttpTriggerAttribute";

    [RequiresUnreferencedCode("Loads the function's assembly and type by name.")]
    public static ShieldAttribute? Find(string functionName, string entryPoint, string? pathToAssembly)
    {
        var method = FindMethod(functionName, entryPoint, pathToAssembly, out var type);
        if (type is null)
        {
            return null;
        }

        // The method's own attribute wins, so [Shield(Enabled = false)] opts one method out of a class-level [Shield].
        return method?.GetCustomAttribute<ShieldAttribute>(inherit: true)
            ?? type.GetCustomAttribute<ShieldAttribute>(inherit: true);
    }

    [RequiresUnreferencedCode("Loads the function's assembly and type by name.")]
    internal static MethodInfo? FindMethod(string functionName, string entryPoint, string? pathToAssembly, out Type? type)
    {
        type = null;
        var dot = entryPoint.LastIndexOf('.');
        if (dot <= 0 || dot == entryPoint.Length - 1)
        {
            return null;
        }

        var assembly = LoadAssembly(pathToAssembly);
        if (assembly is null)
        {
            return null;
        }

        type = FindType(assembly, entryPoint[..dot]);
        if (type is null)
        {
            return null;
        }

        var methodName = entryPoint[(dot + 1)..];
        MethodInfo? single = null;
        var count = 0;
        foreach (var candidate in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
        {
            if (candidate.Name != methodName)
            {
                continue;
            }

            // EntryPoint carries no signature: among overloads, the one the worker registered has [Function("<name>")].
            if (IsFunction(candidate, functionName))
            {
                return candidate;
            }

            single = candidate;
            count++;
        }

        return count == 1 ? single : null;
    }

    [RequiresUnreferencedCode("Loads the function's assembly by path.")]
    private static Assembly? LoadAssembly(string? pathToAssembly)
    {
        if (string.IsNullOrEmpty(pathToAssembly) || !File.Exists(pathToAssembly))
        {
            return null;
        }

        // The same call the worker makes, so there is one assembly identity and attribute types compare equal.
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(pathToAssembly));
    }

    [RequiresUnreferencedCode("Finds a type by name.")]
    private static Type? FindType(Assembly assembly, string typeName)
    {
        if (assembly.GetType(typeName) is { } type)
        {
            return type;
        }

        // A nested type may be written with dots; turn the rightmost dots into '+' until a type is found.
        var name = typeName.ToCharArray();
        for (var i = name.Length - 1; i > 0; i--)
        {
            if (name[i] != '.')
            {
                continue;
            }

            name[i] = '+';
            if (assembly.GetType(new string(name)) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    /// <summary>The route template of an HTTP trigger parameter (<c>[HttpTrigger(Route = "...")]</c>); null when it has none.</summary>
    [RequiresUnreferencedCode("Loads the function's assembly and type by name.")]
    public static string? FindHttpRoute(string functionName, string entryPoint, string? pathToAssembly, string triggerName)
    {
        var method = FindMethod(functionName, entryPoint, pathToAssembly, out _);
        if (method is null)
        {
            return null;
        }

        foreach (var parameter in method.GetParameters())
        {
            if (parameter.Name != triggerName)
            {
                continue;
            }

            // Read by name from the attribute data, so the adapter needs no reference to the HTTP extension.
            foreach (var data in parameter.GetCustomAttributesData())
            {
                if (data.AttributeType.Name != HttpTriggerAttributeName)
                {
                    continue;
                }

                foreach (var argument in data.NamedArguments)
                {
                    if (argument.MemberName == "Route" && argument.TypedValue.Value is string route)
                    {
                        return route;
                    }
                }
            }
        }

        return null;
    }

    // Compared by type name so the adapter does not depend on the Worker package that defines the attribute.
    private static bool IsFunction(MethodInfo method, string functionName)
    {
        foreach (var data in method.GetCustomAttributesData())
        {
            if (data.AttributeType.Name == FunctionAttributeName
                && data.ConstructorArguments is [{ Value: string name }, ..]
                && string.Equals(name, functionName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
