// The worker: processes orders in the background.
package main

import (
	"log"
	"time"
)

func main() {
	for {
		log.Println("processing orders")
		time.Sleep(time.Minute)
	}
}
