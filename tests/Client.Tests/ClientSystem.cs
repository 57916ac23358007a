using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Api.Tests;
using Xunit;

namespace Orleans.Render.Client.Tests;

/// <summary>The real system for the client and CLI tests: one of their own, so they run beside the Api tests' one.</summary>
[CollectionDefinition(Name)]
public sealed class ClientSystemCollection : ICollectionFixture<RenderSystemFixture>
{
    public const string Name = "client system";
}

/// <summary>Clients built as an application builds them: <c>AddOrleansRenderClient</c> on a service collection.</summary>
internal static class ClientSystem
{
    public static ServiceProvider Services(this RenderSystemFixture system, Uri? baseAddress = null, string? key = $"{RenderSystemFixture.Key}:{RenderSystemFixture.Secret}")
    {
        var services = new ServiceCollection();
        services.AddOrleansRenderClient(o => (o.BaseAddress, o.ManagementKey) = (baseAddress ?? system.Http.BaseAddress, key));
        return services.BuildServiceProvider();
    }

    public static OrleansRenderClient Client(this ServiceProvider services) => services.GetRequiredService<OrleansRenderClient>();

    /// <summary>Two scenes of one second at 25 fps, 320x180: 50 frames; the text needs <c>name</c>, which has no default.</summary>
    public const string Movie = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 1, "background": "#000080", "layers": [{"type": "text", "text": "Hello, ${name}!", "fontSize": 32}]},
          {"duration": 1, "background": "#006400"}]}
        """;

    public const int Frames = 50;

    /// <summary>An impossible.io XML template: one navy second.</summary>
    public const string XmlMovie = """
        <movie width="320" height="180" framerate="25">
          <scene duration="25" background="#000080"/>
        </movie>
        """;
}
