import { HeadBones, KpiBones, LoadingFrame, RowsCard } from "@/app/components/Skeleton";

export default function RunLoading() {
  return (
    <LoadingFrame label="Loading run">
      <HeadBones crumb={60} title={220} />
      <KpiBones valueWidth="30%" />
      <RowsCard rows={6} />
    </LoadingFrame>
  );
}
