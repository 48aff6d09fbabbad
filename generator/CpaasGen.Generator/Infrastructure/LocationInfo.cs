using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CpaasGen.Generator.Infrastructure;

/// <summary>
/// A position in the spec file as plain data. <see cref="Location"/> itself is not equatable, so the pipeline
/// carries this and builds the Roslyn location only when a diagnostic is reported.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
