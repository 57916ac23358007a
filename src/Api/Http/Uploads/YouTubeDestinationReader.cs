using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Http.Uploads;

/// <summary>A <c>youtube</c> destination: an OAuth access token and the video's title, description, category and privacy.</summary>
internal sealed class YouTubeDestinationReader : IDestinationReader
{
    public string Type => UploadDestinationTypes.YouTube;

    public UploadDestination Read(UploadFields d, string extension)
    {
        var token = d.Text("oauth_access_token");
        if (token is null)
        {
            throw d.Text("auth_secret") is null
                ? d.Invalid("oauth_access_token", "is required")
                : d.Invalid("auth_secret", "(a console-stored authorization) is not supported here; pass 'oauth_access_token'");
        }

        var category = d.NumberOrText("category") ?? throw d.Invalid("category", "is required (a YouTube category id such as 22)");
        if (!category.All(char.IsAsciiDigit))
        {
            throw d.Invalid("category", "must be a numeric YouTube category id");
        }

        var status = d.Text("status") ?? "public";
        if (status is not ("public" or "private" or "unlisted"))
        {
            throw d.Invalid("status", "must be public, private or unlisted");
        }

        var notify = d.Has("notifySubscribers") ? d.Flag("notifySubscribers", true) : d.Flag("notifysubscribers", true);
        return new YouTubeDestination(
            token, d.Required("title"), d.Text("description") ?? throw d.Invalid("description", "is required"), category, status,
            d.StringList("tags"), d.Text("playlistid"), notify, d.Text("mimetype") ?? "video/mp4");
    }
}
