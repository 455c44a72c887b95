namespace ServerlessShield;

// A library of the application, as its deps.json lists it: name, version and kind (package, project, reference).
internal sealed record PackageReference(string Name, string Version, string Type);
