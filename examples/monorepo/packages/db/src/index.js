// A stand-in for a database client shared by the services.
export function findProducts() {
  return [{ id: 1, name: 'Kettle' }];
}
