namespace Cpaas.DependencyInjection
{
    public interface ICpaasClientFactory
    {
        Cpaas.CpaasClient GetClient(string name);
    }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public static class CpaasServiceCollectionExtensions
    {
        public const string DefaultName = "Cpaas";
        public static Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddCpaasClient(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration) { }
        public static Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddCpaasClient(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, System.Action<Cpaas.CpaasClientOptions> configure) { }
        public static Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddCpaasClient(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, string name, Microsoft.Extensions.Configuration.IConfiguration configuration) { }
        public static Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddCpaasClient(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, string name, System.Action<Cpaas.CpaasClientOptions> configure) { }
    }
}