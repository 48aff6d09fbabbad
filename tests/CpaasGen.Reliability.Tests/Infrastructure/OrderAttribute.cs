using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Cpaas.Reliability.Tests;

/// <summary>The position of a test in its class, for <see cref="ByOrderAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OrderAttribute : Attribute
{
    public OrderAttribute(int position) => Position = position;

    public int Position { get; }
}

/// <summary>Runs a class's tests by their <see cref="OrderAttribute"/> (unordered ones first, by name).</summary>
public sealed class ByOrderAttribute : ITestCaseOrderer
{
    public const string TypeName = "Cpaas.Reliability.Tests.ByOrderAttribute";
    public const string AssemblyName = "CpaasGen.Reliability.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase
        => testCases
            .OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(OrderAttribute).AssemblyQualifiedName).FirstOrDefault()?.GetNamedArgument<int>(nameof(OrderAttribute.Position)) ?? 0)
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal)
            .ThenBy(t => t.DisplayName, StringComparer.Ordinal);
}
