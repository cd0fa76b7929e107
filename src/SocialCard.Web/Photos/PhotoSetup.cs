using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Faces;
using SocialCard.Core.Photos.Faces.BlazeFace;
using SocialCard.Core.Photos.Fixing;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Photos.Storage;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Photos;

/// <summary>
/// Photos: the settings, and the codec, the face finder (cascades plus the BlazeFace model), the inspector and the
/// fixer, each built once per application and shared; a missing native library, cascade or model is a start-up
/// error that names its fix.
/// </summary>
public static class PhotoSetup
{
    public static IServiceCollection AddPhotos(this IServiceCollection services)
    {
        services.AddSettings<PhotoSettings>(PhotoSettings.Section, s => s.Check())
            .PostConfigure<IConfiguration>((settings, configuration) => settings.ReadListForm(configuration));

        services.AddSingleton<IJpegCodec>(_ => JpegCodec.CheckAvailable() is { } problem ? throw new StartupException(problem) : new JpegCodec());
        services.AddSingleton(sp =>
        {
            var directory = sp.GetRequiredService<PhotoSettings>().CascadeDirectory;
            try
            {
                return FaceCascades.Load(directory);
            }
            catch (FaceCascadesMissingException ex)
            {
                throw new StartupException($"{ex.Message} (setting Photos:CascadeDirectory = '{directory}')", ex);
            }
        });
        services.AddSingleton<IFaceLandmarker>(sp =>
        {
            var model = sp.GetRequiredService<PhotoSettings>().BlazeFaceModel;
            return BlazeFaceLandmarker.CheckAvailable(model) is { } problem ? throw new StartupException(problem) : new BlazeFaceLandmarker(model);
        });
        services.AddSingleton(sp => new FaceGeometry(sp.GetRequiredService<FaceCascades>(), sp.GetRequiredService<IFaceLandmarker>()));
        services.AddSingleton(sp => new PhotoInspector(sp.GetRequiredService<IJpegCodec>(), sp.GetRequiredService<PhotoSettings>().Spec(), sp.GetRequiredService<FaceGeometry>()));
        services.AddSingleton(sp => new PhotoFixer(sp.GetRequiredService<IJpegCodec>(), sp.GetRequiredService<FaceGeometry>(), sp.GetRequiredService<PhotoInspector>()));
        services.AddSingleton<IPhotoStore>(sp => new FileSystemPhotoStore(
            Path.GetFullPath(Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<PhotoSettings>().Directory))));

        services.AddScoped<PhotoService>();
        services.AddScoped<PhotoFileCleanup>();
        services.AddScoped<PhotoReviews>();
        return services;
    }
}
