using Orleans.Render.Conventions.Credentials;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Http;

/// <summary>Refuses upload tasks that ask for a server-held credential their project is not granted, before anything renders.</summary>
public static class ServerCredentialsCheck
{
    /// <summary>Null when every task may upload as asked; else 403 <c>credentials_not_allowed</c> naming the first field.</summary>
    public static IResult? Refuse(string project, IReadOnlyList<UploadTask> uploads, bool isList, ServerCredentialsOptions credentials)
    {
        for (var i = 0; i < uploads.Count; i++)
        {
            if (uploads[i].Destination.RefusedField(project, credentials) is { } field)
            {
                var where = isList ? $"upload[{i}]" : "upload";
                return ApiErrors.Error(
                    StatusCodes.Status403Forbidden,
                    "credentials_not_allowed",
                    $"'{where}.destination.{field}' asks for credentials the server holds, which this project may not use for this destination; give the destination's own credentials.");
            }
        }

        return null;
    }
}
