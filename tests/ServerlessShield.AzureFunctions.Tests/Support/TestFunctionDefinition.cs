using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions.Tests.Support;

/// <summary>A function definition built by hand, with input bindings given as (name, type) pairs.</summary>
public sealed class TestFunctionDefinition : FunctionDefinition
{
    public TestFunctionDefinition(string name, params (string Name, string Type)[] inputs)
    {
        Name = name;
        InputBindings = inputs.ToImmutableDictionary(i => i.Name, i => (BindingMetadata)new TestBindingMetadata(i.Name, i.Type, BindingDirection.In));
    }

    public override ImmutableArray<FunctionParameter> Parameters { get; } = [];

    public override string PathToAssembly => typeof(TestFunctionDefinition).Assembly.Location;

    public override string EntryPoint => "Tests." + Name;

    public override string Id => Name;

    public override string Name { get; }

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;

    private sealed class TestBindingMetadata(string name, string type, BindingDirection direction) : BindingMetadata
    {
        public override string Name => name;

        public override string Type => type;

        public override BindingDirection Direction => direction;
    }
}
