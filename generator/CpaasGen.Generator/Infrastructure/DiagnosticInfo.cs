using Microsoft.CodeAnalysis;

namespace CpaasGen.Generator.Infrastructure;

/// <summary>
/// A diagnostic as equatable data: descriptor (static, reference-equal), arguments, location, and the severity it is
/// reported with (skip-and-warn mode reports the errors about single elements as warnings).
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, EquatableArray<string> MessageArgs, LocationInfo? Location, DiagnosticSeverity? Severity = null)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs)
        => new(descriptor, messageArgs.ToEquatableArray(), location);

    public DiagnosticSeverity EffectiveSeverity => Severity ?? Descriptor.DefaultSeverity;

    public Diagnostic ToDiagnostic()
    {
        var args = new object[MessageArgs.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        var location = Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None;
        return Severity is { } severity && severity != Descriptor.DefaultSeverity
            ? Diagnostic.Create(Descriptor, location, severity, additionalLocations: null, properties: null, args)
            : Diagnostic.Create(Descriptor, location, args);
    }
}
