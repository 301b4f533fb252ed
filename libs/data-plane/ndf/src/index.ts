// @refract/ndf: Prisma 1's Normalized Data Format (spec §14).
export {};
