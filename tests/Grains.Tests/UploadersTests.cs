using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Render.Conventions.Credentials;
using Orleans.Render.Grains.Uploads;
using Orleans.Render.Models.Uploads;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>A destination type without exactly one uploader is a configuration error: named at start-up, permanent at run time.</summary>
public sealed class UploadersTests
{
    private static readonly DropboxDestination Dropbox = new("token", "/videos/a.mp4");

    [Fact]
    public void The_grain_services_register_exactly_one_uploader_for_every_destination_type_the_api_accepts()
    {
        using var services = new ServiceCollection().AddLogging().AddRenderGrainServices(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var uploaders = services.GetRequiredService<Uploaders>();

        Assert.Empty(uploaders.Problems);
        Assert.Equal(UploadDestinationTypes.All.Order(), services.GetServices<IUploader>().Select(u => u.Type).Order());
    }

    [Fact]
    public void A_missing_uploader_is_named_as_a_problem_and_an_upload_to_its_type_fails_for_good()
    {
        var uploaders = new Uploaders(AllUploaders().Where(u => u.Type != UploadDestinationTypes.Dropbox));

        Assert.Equal(["No uploader is registered for 'dropbox' destinations."], uploaders.Problems);
        var failure = Assert.Throws<UploadFailedException>(() => uploaders.For(Dropbox));
        Assert.True(failure.Permanent);
        Assert.StartsWith("No uploader is registered for 'dropbox' destinations. The silo is misconfigured", failure.Message);
    }

    [Fact]
    public void Two_uploaders_for_one_type_are_a_problem_too()
    {
        var uploaders = new Uploaders([.. AllUploaders(), new DropboxUploader(Http(), Options.Create(new UploadOptions()))]);

        Assert.Equal(["2 uploaders are registered for 'dropbox' destinations."], uploaders.Problems);
        Assert.True(Assert.Throws<UploadFailedException>(() => uploaders.For(Dropbox)).Permanent);
    }

    [Fact]
    public void Each_destination_type_gets_its_own_uploader()
    {
        var uploaders = new Uploaders(AllUploaders());

        Assert.Empty(uploaders.Problems);
        Assert.IsType<DropboxUploader>(uploaders.For(Dropbox));
        Assert.IsType<HttpUploader>(uploaders.For(new HttpDestination("https://example.com/a", "PUT", new Dictionary<string, string>(), "file", null, null)));
    }

    private static List<IUploader> AllUploaders()
    {
        var (http, options) = (Http(), Options.Create(new UploadOptions()));
        return [new S3Uploader(http, options), new AzureBlobUploader(http, Options.Create(new ServerCredentialsOptions())), new HttpUploader(http), new YouTubeUploader(http, options), new FacebookUploader(http, options), new DropboxUploader(http, options)];
    }

    private static UploadHttp Http() => new(Options.Create(new Rendering.Media.RemoteMediaOptions()));
}
