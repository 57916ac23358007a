using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Storage.Tests.Playback;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPlayerFixture>
{
    public const string Name = "browser";
}
