// The Dockerfile the Dockerfile tab starts with: the kind of file people write by hand, with the
// usual mistakes for lint to find.
export const SAMPLE_DOCKERFILE = `FROM node:latest
RUN apt-get update
RUN apt-get install -y curl
WORKDIR app
COPY . .
RUN npm install
ENV API_TOKEN=changeme
EXPOSE 3000
CMD npm start
`;
