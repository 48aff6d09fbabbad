using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CpaasGen.Generator.Tests;

/// <summary>
/// Incremental caching, in the style of NetEscapades.EnumGenerators and Refit: rerun the driver and assert the run
/// reason of every tracked step. Tracking names are discovered by reflection over <see cref="TrackingNames"/>, so a
/// new step is covered (and must be attached with WithTrackingName) without touching these tests.
/// </summary>
public class IncrementalTests
{
    private const string EditedDescription = "Edited by the incremental caching test.";

    private static readonly IncrementalStepRunReason[] CachedOrUnchanged = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    public static IEnumerable<object[]> TrackingNameData => AllTrackingNames().Select(n => new object[] { n });

    [Fact]
    public void TrackingNamesAreDiscoveredAndEveryOneIsUsedByThePipeline()
    {
        var names = AllTrackingNames();
        Assert.Contains(TrackingNames.ParseSpec, names);
        Assert.Contains(TrackingNames.Models, names);

        var (driver, _, _) = RunKandy();
        var tracked = driver.GetRunResult().Results.Single().TrackedSteps;
        var unused = names.Where(n => !tracked.ContainsKey(n)).ToList();
        Assert.True(unused.Count == 0, "Tracking names with no step: " + string.Join(", ", unused));
    }

    [Fact]
    public void SecondRunWithTheSameInputsIsFullyCached()
    {
        var (driver, compilation, _) = RunKandy();

        driver = driver.RunGenerators(compilation.Clone());

        AssertAllSteps(driver, AllTrackingNames(), CachedOrUnchanged);
    }

    [Fact]
    public void AddingAnUnrelatedSyntaxTreeRegeneratesNothing()
    {
        var (driver, compilation, _) = RunKandy();
        var before = Sources(driver);

        var changed = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal struct Unrelated { public int Value; } }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(changed);

        AssertAllSteps(driver, AllTrackingNames(), CachedOrUnchanged);
        Assert.Equal(before, Sources(driver));
    }

    [Fact]
    public void EditingOneSchemaDescriptionReemitsOnlyThatModel()
    {
        var (driver, compilation, text) = RunKandy();
        var before = Sources(driver);
        var original = text.GetText()!.ToString();
        var (edited, schemaKey) = SpecEdits.ReplaceSchemaDescription(original, EditedDescription);

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(text.Path, edited)).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        AssertReasons(driver, TrackingNames.SpecInputs, IncrementalStepRunReason.Modified);
        AssertReasons(driver, TrackingNames.ParseSpec, IncrementalStepRunReason.Modified);
        AssertReasons(driver, TrackingNames.Diagnostics, IncrementalStepRunReason.Unchanged);
        foreach (var name in new[] { TrackingNames.Enums, TrackingNames.Clients, TrackingNames.RootClient, TrackingNames.Support })
        {
            AssertReasons(driver, name, IncrementalStepRunReason.Unchanged);
        }

        var models = Outputs(driver, TrackingNames.Models);
        var modified = models.Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        var single = Assert.Single(modified);
        Assert.Equal(EditedDescription, Property(single.Value, "Description"));
        Assert.All(models.Except(modified), o => Assert.Contains(o.Reason, CachedOrUnchanged));

        // And the generated files agree: exactly one file changed, and it carries the new text.
        var after = Sources(driver);
        Assert.Equal(before.Keys, after.Keys);
        var changedFiles = before.Keys.Where(k => before[k] != after[k]).ToList();
        var changedFile = Assert.Single(changedFiles);
        Assert.Equal(Property(single.Value, "Namespace") + "." + Property(single.Value, "Name") + ".g.cs", changedFile);
        Assert.Contains(EditedDescription, after[changedFile]);
        Assert.False(string.IsNullOrEmpty(schemaKey));
    }

    [Fact]
    public void EditingOnlyACommentReparsesButRegeneratesNothing()
    {
        var (driver, compilation, text) = RunKandy();
        var before = Sources(driver);
        var edited = SpecEdits.InsertCommentBefore(text.GetText()!.ToString(), "components:");

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(text.Path, edited)).RunGenerators(compilation);

        AssertReasons(driver, TrackingNames.SpecInputs, IncrementalStepRunReason.Modified);
        AssertReasons(driver, TrackingNames.ParseSpec, IncrementalStepRunReason.Unchanged);
        AssertAllSteps(driver, AllTrackingNames().Except(new[] { TrackingNames.SpecInputs, TrackingNames.ParseSpec }), CachedOrUnchanged);
        Assert.Equal(before, Sources(driver));
    }

    [Fact]
    public void StepOutputsAreValueEqualAcrossIndependentRuns()
    {
        // Two drivers that share nothing must produce Equals() outputs at every step; a model holding a List,
        // an array or a reference-equal object would make every edit regenerate everything.
        var (first, _, _) = RunKandy();
        var (second, _, _) = RunKandy();

        foreach (var name in AllTrackingNames())
        {
            var left = Outputs(first, name).Select(o => o.Value).ToList();
            var right = Outputs(second, name).Select(o => o.Value).ToList();
            Assert.Equal(left.Count, right.Count);
            for (var i = 0; i < left.Count; i++)
            {
                Assert.True(Equals(left[i], right[i]), $"{name} output {i} ({left[i].GetType().Name}) is not value-equal across runs.");
                Assert.Equal(left[i].GetHashCode(), right[i].GetHashCode());
            }
        }
    }

    [Theory]
    [MemberData(nameof(TrackingNameData))]
    public void StepOutputsHoldNoSymbolsSyntaxCompilationsLocationsOrYamlNodes(string trackingName)
    {
        var (driver, compilation, text) = RunKandy();
        var (edited, _) = SpecEdits.ReplaceSchemaDescription(text.GetText()!.ToString(), EditedDescription);
        var rerun = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(text.Path, edited)).RunGenerators(compilation);

        foreach (var run in new[] { driver, rerun })
        {
            var outputs = Outputs(run, trackingName);
            Assert.NotEmpty(outputs);
            for (var i = 0; i < outputs.Count; i++)
            {
                var found = ObjectGraphWalker.FindForbidden(outputs[i].Value, trackingName + "[" + i + "]");
                Assert.True(found.Count == 0, "Forbidden values in a cached pipeline step:\n  " + string.Join("\n  ", found));
            }
        }
    }

    [Fact]
    public void ObjectGraphWalkerFindsForbiddenValuesAnywhere()
    {
        // The walker guards the test above: prove it sees through fields, collections, structs and cycles.
        var tree = CSharpSyntaxTree.ParseText("class C { }");
        var cyclic = new Holder();
        cyclic.Next = cyclic;
        var graph = new Holder
        {
            Items = new List<object?> { "fine", 42, ImmutableArray.Create<object>(Location.None) },
            Value = (1, new Holder { Items = new List<object?> { new YamlDotNet.RepresentationModel.YamlScalarNode("x") } }),
            Next = new Holder { Value = tree.GetRoot(), Next = new Holder { Value = SpecScalarNode("y"), Next = cyclic } },
        };

        var found = ObjectGraphWalker.FindForbidden(graph, "root");

        Assert.Equal(4, found.Count);
        Assert.Contains(found, f => f.StartsWith("root.Next.Next.Value", StringComparison.Ordinal) && f.Contains("SpecScalar", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("root.Items._items[2].array[0]", StringComparison.Ordinal) && f.Contains("Location"));
        Assert.Contains(found, f => f.Contains("YamlScalarNode", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("root.Next.Value", StringComparison.Ordinal) && f.Contains("Syntax"));
        Assert.Empty(ObjectGraphWalker.FindForbidden(new Holder { Items = new List<object?> { "a", 1.5m, new Microsoft.CodeAnalysis.Text.TextSpan(1, 2) } }, "clean"));
    }

    /// <summary>Every public const string of TrackingNames.</summary>
    private static string[] AllTrackingNames()
        => typeof(TrackingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void EditingABaseSchemaReemitsOnlyTheBaseNotItsDerivedTypes()
    {
        // Derived types inherit through C#: their files name the base, not its members, so they stay as they were.
        var (driver, compilation, text) = RunKandy("composition");
        var before = Sources(driver);
        var original = text.GetText()!.ToString();
        var edited = original.Replace("description: A pet of the clinic.", "description: " + EditedDescription, StringComparison.Ordinal);
        Assert.NotEqual(original, edited);

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(text.Path, edited)).RunGenerators(compilation);

        var models = Outputs(driver, TrackingNames.Models);
        var modified = Assert.Single(models, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal("Pet", Property(modified.Value, "Name"));
        var after = Sources(driver);
        Assert.Equal(new[] { "PetClinic.Pet.g.cs" }, before.Keys.Where(k => before[k] != after[k]).ToArray());
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, AdditionalText Text) RunKandy(string fixture = "kandy")
    {
        var text = new InMemoryAdditionalText(GeneratorHarness.DefaultSpecPath, GeneratorHarness.ReadFixture(fixture));
        var compilation = GeneratorHarness.CreateConsumerCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { text }).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        return (driver, compilation, text);
    }

    private static Dictionary<string, string> Sources(GeneratorDriver driver)
        => driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static ImmutableArray<IncrementalGeneratorRunStep> Steps(GeneratorDriver driver, string trackingName)
    {
        var tracked = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.True(tracked.TryGetValue(trackingName, out var steps), "No tracked step named " + trackingName + "; tracked: " + string.Join(", ", tracked.Keys));
        return steps;
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver, string trackingName)
        => Steps(driver, trackingName).SelectMany(s => s.Outputs).ToList();

    private static void AssertReasons(GeneratorDriver driver, string trackingName, params IncrementalStepRunReason[] allowed)
    {
        var outputs = Outputs(driver, trackingName);
        Assert.NotEmpty(outputs);
        var wrong = outputs.Select((o, i) => (o, i)).Where(x => !allowed.Contains(x.o.Reason)).ToList();
        Assert.True(
            wrong.Count == 0,
            $"{trackingName}: expected {string.Join(" or ", allowed)}, but " + string.Join("; ", wrong.Select(x => $"output {x.i} ({Describe(x.o.Value)}) was {x.o.Reason}")));
    }

    private static void AssertAllSteps(GeneratorDriver driver, IEnumerable<string> trackingNames, IncrementalStepRunReason[] allowed)
    {
        foreach (var name in trackingNames)
        {
            AssertReasons(driver, name, allowed);
        }
    }

    private static string Describe(object value) => Property(value, "Name") is { } name ? value.GetType().Name + " " + name : value.GetType().Name;

    /// <summary>Reads a property of an internal model record (the generator has no InternalsVisibleTo, on purpose).</summary>
    private static string? Property(object value, string name)
        => value.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(value) as string;

    /// <summary>A document node of the parse step (internal), as the JSON and YAML loaders make them.</summary>
    private static object SpecScalarNode(string value)
        => Activator.CreateInstance(typeof(CpaasGenGenerator).Assembly.GetType("CpaasGen.Generator.Parsing.SpecScalar", throwOnError: true)!, 0, value.Length, value, true)!;

    private sealed class Holder
    {
        public List<object?>? Items { get; set; }

        public object? Value { get; set; }

        public Holder? Next { get; set; }
    }
}
