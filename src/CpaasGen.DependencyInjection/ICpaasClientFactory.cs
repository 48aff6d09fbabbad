using Microsoft.Extensions.DependencyInjection;

namespace Cpaas.DependencyInjection;

/// <summary>Gets registered <see cref="CpaasClient"/>s by name (one per Kandy project). Each name's client is a singleton.</summary>
public interface ICpaasClientFactory
{
    /// <summary>The client registered under <paramref name="name"/> (<see cref="CpaasServiceCollectionExtensions.DefaultName"/> for the default one).</summary>
    /// <param name="name">The name given to <c>AddCpaasClient</c>.</param>
    /// <returns>The shared client.</returns>
    CpaasClient GetClient(string name);
}
